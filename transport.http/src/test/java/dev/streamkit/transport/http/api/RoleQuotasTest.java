package dev.streamkit.transport.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.config.ServerConfig;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.engine.SessionManager;
import dev.streamkit.security.PermissionSet;
import dev.streamkit.security.Role;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleQuotasTest {

    private final List<SessionInfo> open = new ArrayList<>();
    private final SessionManager sessions = (SessionManager) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SessionManager.class}, (proxy, method, args) -> {
                if (method.getName().equals("list")) return List.copyOf(open);
                throw new UnsupportedOperationException(method.getName());
            });
    private final Role capped = new Role("capped", PermissionSet.NONE);
    private final Role free = new Role("free", PermissionSet.NONE);

    private RoleQuotas quotas(Integer sessionCap, Integer oneshotCap) {
        ServerConfig.RolePermissions limits = new ServerConfig.RolePermissions();
        limits.maxConcurrentSessions = sessionCap;
        limits.maxConcurrentOneshots = oneshotCap;
        return new RoleQuotas(Map.of("capped", limits), sessions);
    }

    private String create(RoleQuotas quotas, Role role) throws PipelineException {
        return quotas.createSession(role, () -> {
            open.add(new SessionInfo("s" + open.size(), "n" + open.size(), Instant.EPOCH, role.name()));
            return "created";
        });
    }

    @Test
    void aCappedRoleCreatesUpToItsCapAndOthersAreNotCounted() throws Exception {
        RoleQuotas quotas = quotas(2, null);
        create(quotas, free);
        create(quotas, capped);
        create(quotas, capped);
        PipelineException refused = assertThrows(PipelineException.class, () -> create(quotas, capped));
        assertEquals(429, refused.status());
        assertEquals("Maximum concurrent sessions limit reached for role 'capped'", refused.getMessage());
        assertEquals("created", create(quotas, free));
        open.removeIf(session -> session.createdBy().equals("capped") && session.id().equals("s1"));
        assertEquals("created", create(quotas, capped));
    }

    @Test
    void oneshotSlotsAreTakenAndGivenBackOnce() throws Exception {
        RoleQuotas quotas = quotas(null, 1);
        Runnable release = quotas.takeOneshotSlot(capped);
        PipelineException refused = assertThrows(PipelineException.class, () -> quotas.takeOneshotSlot(capped));
        assertEquals("Maximum concurrent oneshots limit reached for role 'capped'", refused.getMessage());
        quotas.takeOneshotSlot(free).run();
        release.run();
        release.run(); // a second release must not create a second slot
        quotas.takeOneshotSlot(capped);
        assertThrows(PipelineException.class, () -> quotas.takeOneshotSlot(capped));
    }
}
