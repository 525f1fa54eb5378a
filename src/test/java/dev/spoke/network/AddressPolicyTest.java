package dev.spoke.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private static final AddressPolicy DENY_PRIVATE = new AddressPolicy(true);

    @Test
    void byDefaultRefusesWhatNoReceiverUsesAndAllowsSelfHostedReceivers() {
        for (AddressClass kind : AddressClass.values()) {
            boolean refused = kind != AddressClass.PUBLIC && kind != AddressClass.LOOPBACK
                    && kind != AddressClass.PRIVATE;
            assertThat(AddressPolicy.DEFAULT.refuses(kind)).as("%s", kind).isEqualTo(refused);
            assertThat(DENY_PRIVATE.refuses(kind)).as("%s with deny_private", kind)
                    .isEqualTo(kind != AddressClass.PUBLIC);
        }
    }

    @Test
    void checksHostsAsWrittenWithoutResolvingThem() {
        assertThat(AddressPolicy.DEFAULT.checkHost("0xA9FEA9FE")).hasValueSatisfying(refusal -> {
            assertThat(refusal.kind()).isEqualTo(AddressClass.CLOUD_METADATA);
            assertThat(refusal.reason()).isEqualTo("host 0xA9FEA9FE is a cloud metadata address, where spoke never"
                    + " sends");
            assertThat(refusal.fix("url")).startsWith("Point url at the receiver's own address: spoke never connects"
                    + " to link-local, cloud metadata").endsWith("(docs/security.md)");
        });
        assertThat(AddressPolicy.DEFAULT.checkHost("127.0.0.1")).isEmpty();
        assertThat(AddressPolicy.DEFAULT.checkHost("10.0.0.5")).isEmpty();
        assertThat(AddressPolicy.DEFAULT.checkHost("hooks.example.com")).isEmpty();
        assertThat(DENY_PRIVATE.checkHost("hooks.example.com")).as("names are for the resolver").isEmpty();
        assertThat(DENY_PRIVATE.checkHost("localhost")).hasValueSatisfying(refusal -> {
            assertThat(refusal.byDenyPrivate()).isTrue();
            assertThat(refusal.reason()).isEqualTo("host localhost is a loopback address, refused because spoke.yml"
                    + " sets network.deny_private: true");
            assertThat(refusal.fix("url")).startsWith("Point url at a public address, or remove"
                    + " network.deny_private from spoke.yml");
        });
    }

    @Test
    void checksEveryResolvedAddressNamingTheHostAndTheAddress() throws UnknownHostException {
        InetAddress metadata = InetAddress.getByAddress("innocent.example", new byte[] {(byte) 169, (byte) 254,
                (byte) 169, (byte) 254});
        InetAddress privateAddress = InetAddress.getByAddress("intranet.example", new byte[] {10, 0, 0, 7});

        assertThat(AddressPolicy.DEFAULT.checkResolved("innocent.example", metadata)).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).isEqualTo("host innocent.example resolves to 169.254.169.254, a cloud"
                        + " metadata address, where spoke never sends"));
        assertThat(AddressPolicy.DEFAULT.checkResolved("intranet.example", privateAddress)).isEmpty();
        assertThat(DENY_PRIVATE.checkResolved("intranet.example", privateAddress)).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).isEqualTo("host intranet.example resolves to 10.0.0.7, a private address,"
                        + " refused because spoke.yml sets network.deny_private: true"));
    }
}
