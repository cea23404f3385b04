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

    // bcrypt is deliberately slow (~0.1 s): credentials that passed are remembered briefly, by digest only
    private static final long REMEMBER_MILLIS = 5 * 60 * 1000;

    private final String username;
    private final String passwordHash;
    private final java.util.Map<String, Long> recentlyVerified = new java.util.concurrent.ConcurrentHashMap<>();

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
            String digest = digest(request.getUsername() + ":" + password);
            if (!remembered(digest)) {
                boolean userMatches = constantTimeEquals(username, request.getUsername());
                if (!(passwordMatches(password) & userMatches)) {
                    throw new AuthenticationFailedException();
                }
                if (recentlyVerified.size() > 100) {
                    recentlyVerified.clear();
                }
                recentlyVerified.put(digest, System.currentTimeMillis() + REMEMBER_MILLIS);
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(username))
                    .addRole(AdminRole.NAME)
                    .build();
        });
    }

    /** Whether these credentials passed within the last minutes: answered without bcrypt. */
    public boolean remembers(String user, String password) {
        return remembered(digest(user + ":" + password));
    }

    private boolean remembered(String digest) {
        Long verifiedUntil = recentlyVerified.get(digest);
        return verifiedUntil != null && verifiedUntil >= System.currentTimeMillis();
    }

    private boolean passwordMatches(String password) {
        if (passwordHash.startsWith("$2")) {
            return BcryptUtil.matches(password, passwordHash);
        }
        return passwordHash.startsWith(SecretPolicy.DEV_DEFAULT_PREFIX) && constantTimeEquals(passwordHash, password);
    }

    private static String digest(String credentials) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                (given == null ? "" : given).getBytes(StandardCharsets.UTF_8));
    }
}
