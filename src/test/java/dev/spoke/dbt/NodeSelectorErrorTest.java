package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad selection syntax is one CONFIG_ERROR naming the selector, saying what is wrong and listing the methods. */
class NodeSelectorErrorTest {
    private final ModelSelection bouncer = new ModelSelection(DbtFixtures.manifest("bouncer-v12-duckdb.json"), null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo:bar | selector 'foo:bar' is not valid: 'foo' is not a selection method",
        "state:modified+ | selector 'state:modified+' is not valid: dbt's method 'state' is not supported by spoke",
        "tag: | selector 'tag:' is not valid: 'tag:' has no value to match",
        "@orders+ | the '@' prefix and the '+' suffix cannot be combined in '@orders+'",
        "@+orders | the '@' prefix already includes the ancestors",
        "config:table | config needs the key to compare, e.g. config.materialized:table",
        "tag.color:red | method 'tag' takes no '.color'",
        "or+ders | '+' and '@' may only stand at the start or the end of 'or+ders'",
        "'tag:crm,,orders' | selector 'tag:crm,,orders' is not valid: it has an empty part between commas",
        "version:newest | version: takes one of [latest, prerelease, old, none]",
        "resource_type:widget | resource_type: takes one of [model, seed, snapshot",
        "source:a.b.c.d | source: takes at most 3 dotted parts (package.source.table)",
        "exposure:a.b.c | exposure: takes at most 2 dotted parts (package.name)",
        "99999999+orders | the graph depth 99999999 is too large",
        "'path:models/{staging' | 'models/{staging' is not a valid path pattern: Missing '}",
    })
    void badSelectorsAreNamedWithWhatIsWrong(String selector, String expected) {
        SpokeException error = fails(List.of(selector), List.of());

        assertThat(error.getMessage()).contains(expected);
        assertThat(error.hint()).contains("Valid methods: fqn (fqn:jaffle_shop.marts.*), tag (tag:nightly)",
                "export (export:crm_*)", "destination (destination:marketing_mailchimp)");
    }

    @Test
    void excludeIsCheckedToo() {
        SpokeException error = fails(List.of("orders"), List.of("orders tags:x"));

        assertThat(error.getMessage()).isEqualTo("selector 'tags:x' is not valid: 'tags' is not a selection method");
    }

    @Test
    void resultWithoutRunResultsSaysWhatItNeeds() {
        SpokeException error = fails(List.of("result:error+"), List.of());

        assertThat(error.getMessage()).isEqualTo(
                "selector 'result:error+' compares with dbt's last run, but no run_results.json was read");
        assertThat(error.hint()).contains("dbt build", "target/run_results.json");
    }

    @Test
    void packageThisNeedsAProjectName() {
        ModelSelection cosmosV9 = new ModelSelection(DbtFixtures.manifest("cosmos-v9-postgres.json"), null);

        SpokeException error = catchThrowableOfType(SpokeException.class, () -> cosmosV9.select("package:this"));

        assertThat(error.getMessage()).contains("package:this needs the root project's name", "dbt 1.5.2");
    }

    private SpokeException fails(List<String> select, List<String> exclude) {
        SpokeException error = catchThrowableOfType(SpokeException.class, () -> bouncer.evaluate(select, exclude));
        assertThat(error).isNotNull();
        assertThat(error.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
        return error;
    }
}
