package dev.spoke.config;

import static dev.spoke.config.ModelFixture.manifest;
import static dev.spoke.config.ModelFixture.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.destination.DestinationSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest {
    private static Export export(ConnectionSpec crm) {
        var model = model("m").uniqueKey("id").meta("destinations: [{ to: crm, options: { list_id: L1 } }]").build();
        return ExportBinder.discover(manifest(model), ExportBinderTest.config(crm), FakeHookFactory.registry())
                .exports().get(0);
    }

    @Test
    void buildsTheDestinationSpecFromValidatedConnectionAndExportOptions() {
        DestinationSpec spec = ConnectionOptions.destinationSpec(export(ExportBinderTest.crm()));

        assertThat(spec.connectionName()).isEqualTo("crm");
        assertThat(spec.connection().secret("api_key")).hasValueSatisfying(
                secret -> assertThat(secret.reveal()).isEqualTo(ExportBinderTest.CRM_KEY));
        assertThat(spec.connection().string("region")).contains("us1");
        assertThat(spec.exportOptions().string("list_id")).contains("L1");
        assertThat(spec.export().exportId()).isEqualTo("m__crm");
    }

    @Test
    void refusesAConnectionWhoseOptionsAreNotValid() {
        Export export = export(new ConnectionSpec("crm", "fakecrm", Map.of(), DeliverySettings.DEFAULTS));

        assertThatThrownBy(() -> ConnectionOptions.destinationSpec(export))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
                    assertThat(e.getMessage()).contains("connection 'crm'", "api_key: required");
                });
    }
}
