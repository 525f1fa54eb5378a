package dev.spoke.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every notation a resolver or an HTTP stack turns into an address, classed without asking either: the forms that
 * reach a metadata service by another spelling are the point of the exercise.
 */
class AddressClassifierTest {
    private static Optional<AddressClass> classOf(String host) {
        return AddressClassifier.classifyHost(host);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "169.254.169.254", "0xA9FEA9FE", "0xa9fea9fe", "2852039166", "0251.0376.0251.0376", "169.254.43518",
            "169.16689662", "0xA9.0xFE.0xA9.0xFE", "0xa9.254.0251.0xfe", "169.254.169.254.", "[169.254.169.254]",
            "::ffff:169.254.169.254", "[::ffff:169.254.169.254]", "::ffff:a9fe:a9fe", "0:0:0:0:0:ffff:a9fe:a9fe",
            "::169.254.169.254", "64:ff9b::a9fe:a9fe", "64:ff9b::169.254.169.254",
            "169.254.170.2", "0xA9FEAA02", "fd00:ec2::254", "FD00:EC2:0:0:0:0:0:254", "[fd00:ec2::254]",
            "100.100.100.200", "metadata.google.internal", "METADATA.Google.Internal", "metadata.google.internal.",
            "metadata.google.internal..", "metadata.goog", "metadata.goog."})
    void cloudMetadataInEveryNotation(String host) {
        assertThat(classOf(host)).contains(AddressClass.CLOUD_METADATA);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "169.254.0.1, LINK_LOCAL", "169.254.255.255, LINK_LOCAL", "0xA9FE0001, LINK_LOCAL",
            "fe80::1, LINK_LOCAL", "fe80::1%eth0, LINK_LOCAL", "[fe80::1], LINK_LOCAL", "febf:ffff::1, LINK_LOCAL",
            "::ffff:169.254.1.1, LINK_LOCAL",
            "0.0.0.0, UNSPECIFIED", "0, UNSPECIFIED", "0x0, UNSPECIFIED", "00, UNSPECIFIED", "0.0.0.0., UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED", "[::], UNSPECIFIED", "0:0:0:0:0:0:0:0, UNSPECIFIED",
            "::ffff:0.0.0.0, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST", "[ff05::fb], MULTICAST",
            "::ffff:224.0.0.251, MULTICAST",
            "255.255.255.255, BROADCAST", "0xffffffff, BROADCAST", "4294967295, BROADCAST",
            "037777777777, BROADCAST",
            "240.0.0.1, RESERVED", "254.255.255.255, RESERVED",
            "127.0.0.1, LOOPBACK", "127.1, LOOPBACK", "127.255.255.254, LOOPBACK", "2130706433, LOOPBACK",
            "0x7f000001, LOOPBACK", "017700000001, LOOPBACK", "0177.0.0.1, LOOPBACK", "::1, LOOPBACK",
            "[::1], LOOPBACK", "0:0:0:0:0:0:0:1, LOOPBACK", "::ffff:127.0.0.1, LOOPBACK", "localhost, LOOPBACK",
            "LOCALHOST., LOOPBACK", "api.localhost, LOOPBACK",
            "10.0.0.1, PRIVATE", "10.1, PRIVATE", "167772161, PRIVATE", "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE", "0xC0A80101, PRIVATE", "100.64.0.1, PRIVATE",
            "100.127.255.255, PRIVATE", "fc00::1, PRIVATE", "fd12:3456:789a::1, PRIVATE", "fec0::1, PRIVATE",
            "::ffff:10.0.0.1, PRIVATE", "::ffff:192.168.0.1, PRIVATE",
            "8.8.8.8, PUBLIC", "1.2.3.4, PUBLIC", "11.0.0.0, PUBLIC", "172.15.255.255, PUBLIC",
            "172.32.0.0, PUBLIC", "100.63.255.255, PUBLIC", "100.128.0.0, PUBLIC", "169.253.255.255, PUBLIC",
            "169.255.0.0, PUBLIC", "223.255.255.255, PUBLIC", "192.169.0.1, PUBLIC", "134744072, PUBLIC",
            "2001:4860:4860::8888, PUBLIC", "2606:4700:4700::1111, PUBLIC", "::ffff:8.8.8.8, PUBLIC",
            "64:ff9b::808:808, PUBLIC", "fd00:ec2::253, PRIVATE"})
    void classesOfLiterals(String host, AddressClass expected) {
        assertThat(classOf(host)).contains(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
            "hooks.example.com", "169.254.169.254.nip.io", "metadata.google.internal.example.com",
            "evil-metadata.goog", "localhost.example.com", "1e100.net", "0x1g", "08.1.2.3", "09", "256.1.1.1",
            "1.2.3.256", "1.16777216", "1.2.65536", "4294967296", "0x100000000", "1.2.3.4.5", "1..2.3", ".1.2.3",
            "::ffff:1.2.3", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "::g", ":::", "", " ",
            "\u0661\u0662\u0667.0.0.1"})
    void namesAndMalformedLiteralsAreLeftToTheResolver(String host) {
        assertThat(classOf(host)).as("only DNS can tell where %s goes", host).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"4, 1.2.3.4", "16, ::1"})
    void classifiesResolvedAddressesByTheirBytes(int length, String text) {
        byte[] bytes = IpAddressText.parse(text).orElseThrow();
        assertThat(bytes).hasSize(length);
        assertThat(AddressClassifier.classify(bytes)).isIn(AddressClass.PUBLIC, AddressClass.LOOPBACK);
    }
}
