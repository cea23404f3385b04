package dev.intake.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.intake.platform.config.SecretPolicy;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP basic credentials against the administrator configured by env: a bcrypt hash in
 * production; a plain {@code dev-only-} value in development and tests (the prod profile refuses those).
 */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final String username;
    private final String passwordHash;

    public AdminIdentityProvider(@ConfigProperty(name = "intake.admin.username") String username,
            @ConfigProperty(name = "intake.admin.password-hash") String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String password = new String(request.getPassword().getPassword());
            boolean userMatches = constantTimeEquals(username, request.getUsername());
            if (!(passwordMatches(password) & userMatches)) {
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(username))
                    .addRole(AdminRole.NAME)
                    .build();
        });
    }

    private boolean passwordMatches(String password) {
        if (passwordHash.startsWith("$2")) {
            return BcryptUtil.matches(password, passwordHash);
        }
        return passwordHash.startsWith(SecretPolicy.DEV_DEFAULT_PREFIX) && constantTimeEquals(passwordHash, password);
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                (given == null ? "" : given).getBytes(StandardCharsets.UTF_8));
    }
}
