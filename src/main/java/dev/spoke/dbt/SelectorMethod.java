package dev.spoke.dbt;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The selection methods spoke understands: dbt's (as dbt users write them) and spoke's own, over exports. */
enum SelectorMethod {
    FQN("fqn", "fqn:jaffle_shop.marts.*"),
    TAG("tag", "tag:nightly"),
    PATH("path", "path:models/marts"),
    FILE("file", "file:customers.sql"),
    PACKAGE("package", "package:jaffle_shop"),
    CONFIG("config", "config.materialized:table"),
    RESOURCE_TYPE("resource_type", "resource_type:model"),
    RESULT("result", "result:error"),
    VERSION("version", "version:latest"),
    GROUP("group", "group:finance"),
    SOURCE("source", "source:stripe+"),
    EXPOSURE("exposure", "+exposure:weekly_kpis"),
    METRIC("metric", "+metric:revenue"),
    /** spoke's: the export id of a candidate. */
    EXPORT("export", "export:crm_*"),
    /** spoke's: the destination (connection) name of a candidate. */
    DESTINATION("destination", "destination:marketing_mailchimp");

    /** dbt methods that make no sense for spoke or need dbt's state comparison; named in errors as such. */
    static final Set<String> DBT_ONLY = Set.of("state", "source_status", "test_name", "test_type", "access",
            "semantic_model", "saved_query", "unit_test", "wildcard");

    private final String token;
    private final String example;

    SelectorMethod(String token, String example) {
        this.token = token;
        this.example = example;
    }

    String token() {
        return token;
    }

    /** True for methods that match a candidate's attributes rather than its model. */
    boolean matchesCandidates() {
        return this == EXPORT || this == DESTINATION;
    }

    static Optional<SelectorMethod> byToken(String token) {
        return Arrays.stream(values()).filter(method -> method.token.equals(token)).findFirst();
    }

    /** Every method with an example, for error messages and help: {@code fqn (fqn:jaffle_shop.marts.*), ...}. */
    static String describeAll() {
        List<String> described = Arrays.stream(values()).map(m -> m.token + " (" + m.example + ")").toList();
        return String.join(", ", described);
    }
}
