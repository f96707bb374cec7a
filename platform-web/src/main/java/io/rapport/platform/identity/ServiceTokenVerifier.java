package io.rapport.platform.identity;

import java.security.PublicKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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

/**
 * Verifies a {@link ServiceToken} with jose4j: RS256 signature by the trusted key, issuer, audience (this service),
 * expiry, and a maximum age counted from {@code iat} (so a token cannot live longer than the gateway meant even if
 * its {@code exp} is far away). Thread-safe.
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

    private record Verified(ServiceToken token, long validUntilMillis) {
    }

    private final JwtConsumer consumer;
    private final long maxAgeMillis;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong fullChecks = new AtomicLong();

    public ServiceTokenVerifier(PublicKey key, String issuer, String audience, Duration maxAge, Duration clockSkew) {
        int skew = (int) clockSkew.toSeconds();
        this.maxAgeMillis = maxAge.toMillis();
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
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
        try {
            claims = consumer.processToClaims(jwt);
        } catch (InvalidJwtException e) {
            throw new Rejected(reason(e));
        }
        try {
            Set<String> roles = new HashSet<>();
            if (claims.hasClaim(ServiceToken.ROLES_CLAIM)) {
                List<String> list = claims.getStringListClaimValue(ServiceToken.ROLES_CLAIM);
                roles.addAll(list);
            }
            String partner = claims.hasClaim(ServiceToken.PARTNER_CLAIM)
                    ? claims.getStringClaimValue(ServiceToken.PARTNER_CLAIM) : null;
            ServiceToken token = new ServiceToken(claims.getSubject(), roles, partner);
            long until = Math.min(claims.getExpirationTime().getValueInMillis(),
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

    /** A fixed text per failed check: jose4j's own messages may quote the token, which must not reach a client. */
    static String reason(InvalidJwtException e) {
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "the signature is missing or not made by the trusted key";
        }
        if (e.hasExpired()) {
            return "it has expired";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST) || e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
            return "it is older or lives longer than allowed";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE) || e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "it is not valid yet";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "it is not addressed to this service";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "it is not issued by the gateway";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "a required claim (sub, iat, exp) is missing";
        }
        return "it is not a well-formed signed JWT";
    }
}
