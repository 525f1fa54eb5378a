package dev.spoke.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.InProcessSpoke;
import dev.spoke.it.support.SpokeCli;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.WebhookReceiver;
import dev.spoke.report.RunResultsWriter;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.SyncEngine;
import dev.spoke.sync.SyncOptions;
import dev.spoke.sync.SyncReport;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound address policy and the one set of checks, end to end: {@code spoke validate --offline} (the built jar)
 * refuses the metadata URL, other schemes and credentials that a sync would refuse, naming each connection and host;
 * a sync to a harmless-looking name that resolves to a refused address (a fake resolver in process) fails with the
 * policy's message and sends nothing.
 */
class OutboundPolicyIT {
    private static final String EXPORT = "accounts__crm_hook";
    private static final byte[] METADATA = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    @TempDir
    Path dir;

    private WebhookReceiver receiver;
    private TestProject project;

    @BeforeEach
    void createProject() {
        receiver = new WebhookReceiver();
        DuckDbWarehouse warehouse = new DuckDbWarehouse(dir.resolve("warehouse.duckdb"));
        CustomerTable accounts = new CustomerTable(warehouse, "accounts").create(20);
        project = new TestProject(dir.resolve("project"), warehouse).webhook("crm_hook", receiver, Map.of());
        project.manifest().model("accounts", accounts.relation(), accounts.columns(), "id",
                List.of(Map.of("to", "crm_hook")));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void validateOfflineRefusesWhatSyncWouldRefuseNamingConnectionAndHost() {
        project.connection("crm_hook", Map.of("type", "webhook", "url", "http://169.254.169.254/latest/meta-data/"))
                .connection("passwd", Map.of("type", "webhook", "url", "file:///etc/passwd"))
                .connection("gopher", Map.of("type", "webhook", "url", "gopher://x"))
                .connection("creds", Map.of("type", "webhook", "url", "https://user:pw-7c1e@host/"))
                .write();
        SpokeCli cli = new SpokeCli(dir);

        SpokeCli.Result validate = cli.run(project.cli("validate", "--offline"));

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.stderr())
                .contains("connections.crm_hook.url: connection 'crm_hook': url host 169.254.169.254 is a cloud"
                        + " metadata address, where spoke never sends [refused-address]")
                .contains("fix: Point url at the receiver's own address")
                .contains("connections.passwd.url: option 'url': 'file:///etc/passwd' has scheme file")
                .contains("connections.gopher.url: option 'url': 'gopher://x' has scheme gopher")
                .contains("connections.creds.url: option 'url': has credentials in it (user:password@ before host"
                        + " host)")
                .contains("4 problems in 1 file")
                .doesNotContain("pw-7c1e").doesNotContain("Exception");

        SpokeCli.Result sync = cli.run(project.cli("sync"));
        assertThat(sync.exitCode()).as("sync refuses the same configuration: " + sync).isEqualTo(2);
        assertThat(sync.stderr()).contains("169.254.169.254");
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void aNameThatResolvesToTheMetadataServiceFailsTheSyncWithThePolicysMessageAndSendsNothing() {
        project.connection("crm_hook", Map.of("type", "webhook", "url", innocentUrl())).write();

        InProcessSpoke.Run run = sync(resolvingTo(METADATA));

        assertThat(run.report().exitCode().code()).isEqualTo(1);
        JsonNode result = run.result(EXPORT);
        assertThat(result.path("status").asText()).isEqualTo("error");
        assertThat(result.path("message").asText()).startsWith("connection 'crm_hook': host hooks.innocent.example"
                + " resolves to 169.254.169.254, a cloud metadata address, where spoke never sends. Point its URL at"
                + " the receiver's own address");
        assertThat(run.rows(EXPORT, "delivered")).isZero();
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void denyPrivateRefusesANameThatResolvesToTheReceiverOnLoopbackWhichIsOtherwiseAllowed() {
        project.connection("crm_hook", Map.of("type", "webhook", "url", innocentUrl())).network("deny_private", true)
                .write();

        InProcessSpoke.Run refused = sync(resolvingTo(LOOPBACK));

        assertThat(refused.result(EXPORT).path("message").asText()).contains("host hooks.innocent.example resolves"
                + " to 127.0.0.1, a loopback address, refused because spoke.yml sets network.deny_private: true");
        assertThat(receiver.messages()).isEmpty();

        project.network("deny_private", false).write();
        InProcessSpoke.Run allowed = sync(resolvingTo(LOOPBACK));

        assertThat(allowed.result(EXPORT).path("status").asText()).isEqualTo("success");
        assertThat(receiver.keys()).as("the same name and resolver reach the receiver").hasSize(20);
    }

    /** The receiver's URL under a name only the fake resolver knows. */
    private String innocentUrl() {
        URI url = URI.create(receiver.url());
        return "http://hooks.innocent.example:" + url.getPort() + url.getPath();
    }

    private static Dns resolvingTo(byte[] address) {
        return hostname -> {
            try {
                return List.of(InetAddress.getByAddress(hostname, address));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** {@code spoke sync} in process, names resolved by {@code dns}. */
    private InProcessSpoke.Run sync(Dns dns) {
        SyncEngine engine = new InProcessSpoke().engine().withResolver(dns);
        LoadedProject loaded = engine.load(project.request());
        SyncReport report = engine.sync(loaded, SyncOptions.DEFAULTS);
        RunResultsWriter.write(report, loaded.targetDir());
        return new InProcessSpoke.Run(report, RunResultsWriter.toJson(report));
    }
}
