package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {
    @ParameterizedTest
    @CsvSource({"127.0.0.1, loopback", "127.9.9.9, loopback", "::1, loopback", "0.0.0.0, unspecified",
            ":: , unspecified", "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private",
            "192.168.1.1, private", "fc00::1, private", "fd12:3456::1, private", "169.254.169.254, link-local",
            "fe80::1, link-local", "100.64.0.1, carrier-grade NAT", "224.0.0.1, multicast", "ff02::1, multicast",
            "255.255.255.255, reserved", "192.0.2.10, reserved", "198.18.0.1, reserved", "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private", "64:ff9b::a9fe:a9fe, link-local", "2002:c0a8:0101::1, private",
            "2001:db8::1, reserved"})
    void nonPublicAddressesAreNamedByKind(String address, String kind) throws Exception {
        assertThat(PublicAddresses.nonPublicKind(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "64:ff9b::808:808", "2002:0808:0808::1"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(PublicAddresses.nonPublicKind(InetAddress.getByName(address))).isNull();
    }
}
