package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientConfigTest {
    /** The real encodings QEMU's VNC server implements; it reads -260 as TightPNG. */
    private static final Set<Integer> QEMU_KNOWS = Set.of(Encodings.RAW, Encodings.HEXTILE, Encodings.ZLIB,
            Encodings.TIGHT, Encodings.ZRLE);

    /**
     * A server takes the first encoding it knows: for QEMU that must come before -260 in every
     * list, or QEMU sends TightPNG (found against QEMU with {@code --encoding rre}).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Encodings.RAW, Encodings.COPY_RECT, Encodings.RRE, Encodings.HEXTILE, Encodings.ZLIB,
            Encodings.ZRLE, Encodings.TIGHT, -1})
    void anEncodingQemuKnowsComesBeforeTheStreamPseudoEncoding(int only) {
        List<Integer> list = only < 0 ? new ClientConfig().encodings() : new ClientConfig().onlyEncoding(only).encodings();
        assertThat(list.get(list.size() - 1)).isEqualTo(Encodings.STREAMS);
        assertThat(list.subList(0, list.size() - 1)).doesNotContain(Encodings.STREAMS).anyMatch(QEMU_KNOWS::contains);
    }

    /** One decoder is exercised: the chosen encoding first, Raw as the only other real one. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Encodings.COPY_RECT, Encodings.RRE, Encodings.HEXTILE, Encodings.ZLIB, Encodings.ZRLE,
            Encodings.TIGHT})
    void onlyEncodingListsItFirstAndRawAfterIt(int only) {
        List<Integer> list = new ClientConfig().onlyEncoding(only).encodings();
        assertThat(list.subList(0, 2)).containsExactly(only, Encodings.RAW);
        assertThat(list.subList(2, list.size())).allMatch(e -> e < 0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Encodings.RAW})
    void onlyRawListsRawOnce(int only) {
        List<Integer> list = new ClientConfig().onlyEncoding(only).encodings();
        assertThat(list.get(0)).isEqualTo(Encodings.RAW);
        assertThat(list.subList(1, list.size())).allMatch(e -> e < 0);
    }
}
