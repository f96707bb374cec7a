package io.rapport.loyalty.partnerkeys;

import io.rapport.loyalty.domain.Partner;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Issues, lists, rotates and revokes partners' API keys, and answers the gateway which partner a key hash belongs to.
 * Every change is audited with the caller as actor (created_by / revoked_by on the key as well); the key itself is
 * returned once and never stored or audited.
 */
@ApplicationScoped
public class PartnerKeyService {
    public static final Set<String> SCOPES = Set.of("partner:read", "partner:write");

    private final Audit audit;
    private final Caller caller;
    private final Clock clock;

    public PartnerKeyService(Audit audit, Caller caller, Clock clock) {
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** A stored key and, only when just issued, the key itself. */
    public record Issued(PartnerApiKey key, String secret) {}

    /** What the gateway learns of a key hash. */
    public record Verification(PartnerApiKey key, boolean partnerActive) {
        public boolean usable() {
            return PartnerApiKey.ACTIVE.equals(key.status) && partnerActive;
        }
    }

    @Transactional
    public Issued create(UUID partnerId, List<String> scopes) {
        requirePartner(partnerId);
        return issue(partnerId, normalised(scopes), null, "CREATE");
    }

    public List<PartnerApiKey> list(UUID partnerId) {
        requirePartner(partnerId);
        return PartnerApiKey.list("partnerId = ?1 order by createdAt, id", partnerId);
    }

    /** A new key with the same scopes replaces this one, which is revoked at once. */
    @Transactional
    public Issued rotate(UUID partnerId, UUID keyId) {
        PartnerApiKey old = require(partnerId, keyId);
        if (!PartnerApiKey.ACTIVE.equals(old.status)) {
            throw ProblemException.conflict(
                    "key-revoked", "key " + old.prefix + " is revoked; create a new key instead", null);
        }
        revoke(old, "ROTATE");
        return issue(partnerId, old.scopes, old.id, "ROTATE");
    }

    /** Revokes the key (idempotent); the gateway refuses it once its cache entry expires. */
    @Transactional
    public PartnerApiKey revoke(UUID partnerId, UUID keyId) {
        PartnerApiKey k = require(partnerId, keyId);
        if (PartnerApiKey.ACTIVE.equals(k.status)) {
            revoke(k, "REVOKE");
        }
        return k;
    }

    public Optional<Verification> verify(String sha256) {
        return PartnerApiKey.<PartnerApiKey>find("sha256", sha256)
                .firstResultOptional()
                .map(k -> {
                    Partner p = Partner.findById(k.partnerId);
                    return new Verification(k, p != null && p.active);
                });
    }

    private Issued issue(UUID partnerId, String scopes, UUID replaces, String action) {
        PartnerKeyFormat.Issued issued = PartnerKeyFormat.issue();
        PartnerApiKey k = new PartnerApiKey();
        k.id = UUID.randomUUID();
        k.partnerId = partnerId;
        k.prefix = issued.prefix();
        k.sha256 = issued.sha256();
        k.scopes = scopes;
        k.status = PartnerApiKey.ACTIVE;
        k.createdAt = clock.instant();
        k.createdBy = caller.label();
        k.replaces = replaces;
        k.persist();
        audit.event(
                "partner-api-key",
                k.id,
                null,
                action,
                Map.of(
                        "partnerId",
                        partnerId.toString(),
                        "prefix",
                        k.prefix,
                        "scopes",
                        scopes,
                        "replaces",
                        replaces == null ? "" : replaces.toString()));
        return new Issued(k, issued.key());
    }

    private void revoke(PartnerApiKey k, String action) {
        Instant now = clock.instant();
        k.status = PartnerApiKey.REVOKED;
        k.revokedAt = now;
        k.revokedBy = caller.label();
        audit.event(
                "partner-api-key",
                k.id,
                null,
                "REVOKE",
                Map.of("partnerId", k.partnerId.toString(), "prefix", k.prefix, "because", action));
    }

    private static PartnerApiKey require(UUID partnerId, UUID keyId) {
        PartnerApiKey k = PartnerApiKey.findById(keyId, LockModeType.PESSIMISTIC_WRITE);
        if (k == null || !k.partnerId.equals(partnerId)) {
            throw ProblemException.notFound("key of partner " + partnerId, keyId);
        }
        return k;
    }

    private static void requirePartner(UUID partnerId) {
        if (Partner.findById(partnerId) == null) {
            throw ProblemException.notFound("partner", partnerId);
        }
    }

    static String normalised(List<String> scopes) {
        Set<String> s = new TreeSet<>(scopes == null || scopes.isEmpty() ? SCOPES : scopes);
        if (!SCOPES.containsAll(s)) {
            throw ProblemException.invalid("scopes", "must be among " + new TreeSet<>(SCOPES));
        }
        return String.join(",", s);
    }
}
