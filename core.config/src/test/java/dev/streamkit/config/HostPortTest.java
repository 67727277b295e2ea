package dev.streamkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void splitsHostAndPort() {
        InetSocketAddress v4 = HostPort.parse("server.address", "127.0.0.1:4433");
        assertEquals("127.0.0.1", v4.getHostString());
        assertEquals(4433, v4.getPort());
        InetSocketAddress v6 = HostPort.parse("server.address", "[::1]:0");
        assertEquals("::1", v6.getHostString());
        assertEquals(0, v6.getPort());
    }

    @Test
    void namesTheKeyOfAMalformedAddress() {
        IllegalArgumentException noPort = assertThrows(IllegalArgumentException.class,
                () -> HostPort.parse("server.http3_address", "4433"));
        assertTrue(noPort.getMessage().contains("server.http3_address"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("server.address", "localhost:http"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("server.address", "localhost:70000"));
    }
}
