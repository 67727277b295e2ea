package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a log line could print by {@code toString} holds a token or the private key. */
class SecretRedactionTest {

    @TempDir
    Path dir;

    @Test
    void toStringNeverShowsTokensOrKeyMaterial() throws Exception {
        AuthState state = AuthState.open(dir, new TokenLifetimes(new TokenLifetimes.Lifetime(60, 600),
                new TokenLifetimes.Lifetime(60, 600)), new SteppingClock());
        state.bootstrapAdminToken();
        MintedToken api = state.minter().mintApi("admin", "ci", null, "t");
        MintedToken moq = state.minter().mintMoq("/moq", List.of(""), List.of(), null, null, "t");
        String privatePart = OctetKeyPair.parse(Files.readString(dir.resolve(SigningKeys.PRIVATE_FILE))).getD().toString();
        String adminToken = Files.readString(state.adminTokenFile());

        List<Object> printable = List.of(state, state.keys(), state.registry(), state.minter(), state.verifier(), api, moq,
                state.registry().list(), state.verifier().verifyApi(api.token(), Set.of("admin")::contains),
                state.verifier().verifyMoq(moq.token()));
        for (Object object : printable) {
            String text = String.valueOf(object);
            for (String secret : List.of(privatePart, adminToken, api.token(), moq.token())) {
                assertFalse(text.contains(secret), object.getClass().getSimpleName() + " leaks a secret");
                assertFalse(text.contains(secret.substring(secret.length() - 20)), object.getClass().getSimpleName() + " leaks part of one");
            }
        }
    }
}
