package io.incidentstreams.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Host headers a server answers, for each kind of bind address (against DNS rebinding). */
class HostCheckTest {
    @Test
    void aLoopbackBindAnswersItsLoopbackNamesWithItsPortOnly() {
        HostCheck check = new HostCheck("127.0.0.1", List.of());

        assertThat(check.allows("localhost:8080", 8080)).isTrue();
        assertThat(check.allows("127.0.0.1:8080", 8080)).isTrue();
        assertThat(check.allows("[::1]:8080", 8080)).isTrue();
        assertThat(check.allows("LocalHost.:8080", 8080)).isTrue();
        assertThat(check.allows("localhost:8081", 8080)).isFalse();
        assertThat(check.allows("localhost", 8080)).isFalse();
        assertThat(check.allows("localhost", 80)).isTrue();
        assertThat(check.allows("rebind.attacker.example:8080", 8080)).isFalse();
        assertThat(check.allows("192.168.1.5:8080", 8080)).isFalse();
        assertThat(check.allows(null, 8080)).isFalse();
        assertThat(check.allows("", 8080)).isFalse();
        assertThat(check.allows("localhost:http", 8080)).isFalse();
    }

    @Test
    void anIpv6LoopbackBindAnswersTheSameNames() {
        HostCheck check = new HostCheck("::1", List.of());

        assertThat(check.allows("[::1]:9000", 9000)).isTrue();
        assertThat(check.allows("localhost:9000", 9000)).isTrue();
        assertThat(check.allows("evil.example:9000", 9000)).isFalse();
    }

    @Test
    void aWildcardBindAnswersAddressLiteralsAndLocalhostButNoOtherName() {
        HostCheck check = new HostCheck("0.0.0.0", List.of());

        assertThat(check.allows("192.168.1.5:8080", 8080)).isTrue();
        assertThat(check.allows("[fe80::1]:8080", 8080)).isTrue();
        assertThat(check.allows("localhost:8080", 8080)).isTrue();
        assertThat(check.allows("incidents.example.org:8080", 8080)).isFalse();
        assertThat(check.allows("192.168.1.5:9999", 8080)).isFalse();
    }

    @Test
    void aSpecificBindAnswersItsOwnAddressAndTheAllowedNamesOnAnyPort() {
        HostCheck check = new HostCheck("10.1.2.3", List.of("incidents.example.org", "Other.Example."));

        assertThat(check.allows("10.1.2.3:8080", 8080)).isTrue();
        assertThat(check.allows("10.1.2.4:8080", 8080)).isFalse();
        assertThat(check.allows("localhost:8080", 8080)).isFalse();
        assertThat(check.allows("incidents.example.org", 8080)).isTrue();
        assertThat(check.allows("incidents.example.org:443", 8080)).isTrue();
        assertThat(check.allows("other.example:8080", 8080)).isTrue();
        assertThat(check.allows("incidents.example.org.attacker.example", 8080)).isFalse();
    }

    @Test
    void aStarAllowsAnyHost() {
        assertThat(new HostCheck("127.0.0.1", List.of("*")).allows("anything.example:1", 8080)).isTrue();
    }
}
