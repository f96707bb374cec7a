package io.rapport.platform.identity;

import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies a {@link ServiceToken} with jose4j: RS256 signature by the key trusted for the token's issuer, issuer,
 * audience (this service), expiry, and a maximum age counted from {@code iat} (so a token cannot live longer than the
 * gateway meant even if its {@code exp} is far away). Thread-safe.
 *
 * <p>Issuers: the gateway's (its key vouches for people and partners: subject, roles, partner id as signed) and,
 * optionally, other services', each with its own key ({@code rapport.service-token.services.<name>}). A token from a
 * service is that service's identity only ({@link ServiceToken#service(String)}): its {@code sub} must be the
 * service's name and it may carry no roles and no partner id, otherwise it is rejected. The issuer is read first only
 * to pick the key; the token is then checked in full against that key and issuer, so a token claiming the gateway as
 * issuer but signed with a service's key fails the signature check.
 *
 * <p>The gateway reuses a token for the same caller and service for half its lifetime, so most requests carry a token
 * verified before: a verified token is kept (by its exact text) until its {@code exp} or {@code iat} + max age,
 * whichever comes first, and answered from memory without another RSA signature check. A token that failed is never
 * kept; a kept one past its time is verified again in full (and so rejected).
 */
public final class ServiceTokenVerifier {
    /** A token that did not pass; the message says why (safe to log, never contains the token). */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    /** Verified tokens kept at most; above this, the cache is emptied (the gateway reuses few tokens at a time). */
    static final int MAX_CACHED = 10_000;

    private record Verified(ServiceToken token, long validUntilMillis) {}

    /** Reads the claims without checking anything: only to choose the issuer's consumer. */
    private static final JwtConsumer PEEK = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    private final String gatewayIssuer;
    /** The consumer per trusted issuer: the gateway's and each trusted service's. */
    private final Map<String, JwtConsumer> consumers;

    private final long maxAgeMillis;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong fullChecks = new AtomicLong();

    /** Trusts the gateway only. */
    public ServiceTokenVerifier(PublicKey key, String issuer, String audience, Duration maxAge, Duration clockSkew) {
        this(key, issuer, Map.of(), audience, maxAge, clockSkew);
    }

    /**
     * Trusts the gateway ({@code gatewayKey}, {@code gatewayIssuer}) and each service in {@code services} (its name,
     * which is its issuer, and its own public key) for that service's identity only.
     */
    public ServiceTokenVerifier(
            PublicKey gatewayKey,
            String gatewayIssuer,
            Map<String, PublicKey> services,
            String audience,
            Duration maxAge,
            Duration clockSkew) {
        this.gatewayIssuer = gatewayIssuer;
        this.maxAgeMillis = maxAge.toMillis();
        Map<String, JwtConsumer> byIssuer = new HashMap<>();
        byIssuer.put(gatewayIssuer, consumer(gatewayKey, gatewayIssuer, audience, maxAge, clockSkew));
        services.forEach((name, key) -> {
            if (name.equals(gatewayIssuer)) {
                throw new IllegalStateException("a trusted service may not be named like the gateway's issuer " + name);
            }
            if (key.equals(gatewayKey)) {
                throw new IllegalStateException("service " + name + " must have its own key, not the gateway's");
            }
            byIssuer.put(name, consumer(key, name, audience, maxAge, clockSkew));
        });
        this.consumers = Map.copyOf(byIssuer);
    }

    private static JwtConsumer consumer(
            PublicKey key, String issuer, String audience, Duration maxAge, Duration clockSkew) {
        int skew = (int) clockSkew.toSeconds();
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(skew, (int) maxAge.toSeconds() + skew)
                .setMaxFutureValidityInMinutes((int) Math.max(1, (maxAge.toSeconds() + 59) / 60))
                .setAllowedClockSkewInSeconds(skew)
                .build();
    }

    public ServiceToken verify(String jwt) throws Rejected {
        long now = System.currentTimeMillis();
        Verified known = verified.get(jwt);
        if (known != null) {
            if (now < known.validUntilMillis()) {
                return known.token();
            }
            verified.remove(jwt);
        }
        return verifyFully(jwt);
    }

    /** How many tokens were checked in full (signature and claims), not answered from the cache. */
    long fullChecks() {
        return fullChecks.get();
    }

    private ServiceToken verifyFully(String jwt) throws Rejected {
        fullChecks.incrementAndGet();
        JwtClaims claims;
        String issuer;
        try {
            JwtContext context = PEEK.process(jwt);
            issuer = context.getJwtClaims().getIssuer();
            JwtConsumer consumer = issuer == null ? null : consumers.get(issuer);
            if (consumer == null) {
                throw new Rejected("it is not issued by the gateway or a service this service trusts");
            }
            consumer.processContext(context);
            claims = context.getJwtClaims();
        } catch (InvalidJwtException e) {
            throw new Rejected(reason(e));
        } catch (MalformedClaimException e) {
            throw new Rejected("a claim has the wrong type");
        }
        try {
            ServiceToken token = issuer.equals(gatewayIssuer) ? gatewayToken(claims) : serviceToken(issuer, claims);
            long until = Math.min(
                    claims.getExpirationTime().getValueInMillis(),
                    claims.getIssuedAt().getValueInMillis() + maxAgeMillis);
            if (until > System.currentTimeMillis()) {
                if (verified.size() >= MAX_CACHED) {
                    verified.clear();
                }
                verified.put(jwt, new Verified(token, until));
            }
            return token;
        } catch (MalformedClaimException e) {
            throw new Rejected("a claim has the wrong type");
        }
    }

    private static ServiceToken gatewayToken(JwtClaims claims) throws MalformedClaimException {
        Set<String> roles = new HashSet<>();
        if (claims.hasClaim(ServiceToken.ROLES_CLAIM)) {
            List<String> list = claims.getStringListClaimValue(ServiceToken.ROLES_CLAIM);
            roles.addAll(list);
        }
        String partner = claims.hasClaim(ServiceToken.PARTNER_CLAIM)
                ? claims.getStringClaimValue(ServiceToken.PARTNER_CLAIM)
                : null;
        return new ServiceToken(claims.getSubject(), roles, partner);
    }

    /** A service's own token: its identity and nothing else (no person, no roles, no partner). */
    private static ServiceToken serviceToken(String service, JwtClaims claims)
            throws MalformedClaimException, Rejected {
        boolean roles = claims.hasClaim(ServiceToken.ROLES_CLAIM)
                && !claims.getStringListClaimValue(ServiceToken.ROLES_CLAIM).isEmpty();
        if (!service.equals(claims.getSubject()) || roles || claims.hasClaim(ServiceToken.PARTNER_CLAIM)) {
            throw new Rejected("a service's own token may name only that service (sub = iss, no roles, no partner)");
        }
        return ServiceToken.service(service);
    }

    /** A fixed text per failed check: jose4j's own messages may quote the token, which must not reach a client. */
    static String reason(InvalidJwtException e) {
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "the signature is missing or not made by the trusted key";
        }
        if (e.hasExpired()) {
            return "it has expired";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)
                || e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
            return "it is older or lives longer than allowed";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE) || e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "it is not valid yet";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "it is not addressed to this service";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "it is not issued by the gateway or a service this service trusts";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)
                || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "a required claim (sub, iat, exp) is missing";
        }
        return "it is not a well-formed signed JWT";
    }
}
