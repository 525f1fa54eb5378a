package dev.spoke.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bytes of each notation, so the classifier's answers rest on a parse that is right. */
class IpAddressTextTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "169.254.169.254, a9fea9fe", "0xA9FEA9FE, a9fea9fe", "2852039166, a9fea9fe",
            "0251.0376.0251.0376, a9fea9fe", "169.254.43518, a9fea9fe", "169.16689662, a9fea9fe",
            "0x7f.1, 7f000001", "0, 00000000", "0x, 00000000", "1.2.3.4, 01020304", "255.255.255.255, ffffffff",
            "::1, 00000000000000000000000000000001", "[::1], 00000000000000000000000000000001",
            "1::, 00010000000000000000000000000000",
            "::ffff:169.254.169.254, 00000000000000000000ffffa9fea9fe",
            "fd00:ec2::254, fd000ec2000000000000000000000254",
            "1:2:3:4:5:6:7:8, 00010002000300040005000600070008",
            "1:2:3:4:5:6:1.2.3.4, 00010002000300040005000601020304",
            "fe80::1%eth0, fe800000000000000000000000000001"})
    void readsEveryNotation(String text, String hex) {
        assertThat(IpAddressText.parse(text)).hasValueSatisfying(bytes -> assertThat(hex(bytes)).isEqualTo(hex));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.2.3.256", "1.16777216", "4294967296", "0x1.2.3.4.5", "08", "1.2.3.a", "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9", "::1.2.3", "1.2.3.4::", "::01234", "::ffff:1.2.3.04444"})
    void refusesWhatNoResolverReadsAsAnAddress(String text) {
        assertThat(IpAddressText.parse(text)).isEmpty();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
