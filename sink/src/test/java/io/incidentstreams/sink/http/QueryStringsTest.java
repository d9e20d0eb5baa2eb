package io.incidentstreams.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryStringsTest {
    @Test
    void goodEncodingsPass() {
        QueryStrings.check("place=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF&actor=united+states&limit=5&bbox=44%2C33%2C45%2C34");
        QueryStrings.check("");
        QueryStrings.check(null);
        assertThat(QueryStrings.decodeOrNull("a%20b+c")).isEqualTo("a b c");
    }

    @Test
    void badEncodingsNameTheirParameter() {
        for (String[] c : new String[][] {{"place=zz%zz", "place"}, {"limit=5&place=%00", "place"},
                {"actor=%C3%28", "actor"}, {"place=%2", "place"}, {"pl%zzace=x", "pl%zzace"}, {"a%00=1", "a\0"}}) {
            assertThatThrownBy(() -> QueryStrings.check(c[0])).as(c[0]).isInstanceOf(BadRequestException.class)
                    .extracting(e -> ((BadRequestException) e).parameter()).isEqualTo(c[1]);
        }
    }
}
