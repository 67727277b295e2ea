package dev.streamkit.transport.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoqUrlTemplateTest {

    @Test
    void isRelativeWithoutAGatewayUrl() {
        assertEquals("/moq/s1?jwt=T", new MoqUrlTemplate(null).of("moq/s1", "T"));
    }

    @Test
    void keepsTheGatewaysSchemeAuthorityAndQuery() {
        assertEquals("https://127.0.0.1:4545/moq/s1?relay=1&jwt=T", new MoqUrlTemplate("https://127.0.0.1:4545/ignored?relay=1").of("/moq/s1", "T"));
        assertEquals("https://127.0.0.1:4545/moq?jwt=T", new MoqUrlTemplate("https://127.0.0.1:4545").of("/moq", "T"));
    }
}
