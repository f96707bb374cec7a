package io.rapport.engagement.service;

import io.rapport.engagement.config.EngagementConfig;
import io.rapport.engagement.domain.pressure.ContactPlanner;
import io.rapport.engagement.domain.pressure.FrequencyCap;
import io.rapport.engagement.domain.pressure.PressureRules;
import io.rapport.engagement.domain.pressure.QuietHours;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The contact-pressure settings in force: the stored row once edited through the API, else the configuration. */
@ApplicationScoped
public class PressureSettingsService {
    private final EntityManager em;
    private final EngagementConfig config;

    public PressureSettingsService(EntityManager em, EngagementConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The settings as stored text, with their version (0 while the configuration applies). */
    public record Settings(String quietHours, boolean allowWeekends, String caps, long version) {}

    public Settings current() {
        List<?> rows = em.createNativeQuery(
                        "select quiet_hours, allow_weekends, caps, version from pressure_settings where id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            EngagementConfig.Pressure p = config.pressure();
            return new Settings(p.quietHours(), p.allowWeekends(), p.caps(), 0);
        }
        Object[] r = (Object[]) rows.get(0);
        return new Settings((String) r[0], (Boolean) r[1], (String) r[2], ((Number) r[3]).longValue());
    }

    public PressureRules rules() {
        Settings s = current();
        return new PressureRules(
                QuietHours.parse(s.quietHours()),
                s.allowWeekends(),
                FrequencyCap.parseAll(s.caps()),
                config.pressure().implicitConsentChannels());
    }

    public ContactPlanner planner() {
        return new ContactPlanner(rules());
    }

    /** Replaces the settings; text that does not parse is a 422 naming the field. Applies to contacts placed from now on. */
    @Transactional
    public Settings update(String quietHours, boolean allowWeekends, String caps) {
        QuietHours q;
        try {
            q = QuietHours.parse(quietHours);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-quiet-hours", "quietHours", e.getMessage());
        }
        List<FrequencyCap> parsed;
        try {
            parsed = FrequencyCap.parseAll(caps);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-frequency-cap", "caps", e.getMessage());
        }
        String capText =
                String.join(",", parsed.stream().map(FrequencyCap::spec).toList());
        em.createNativeQuery(
                        "insert into pressure_settings (id, quiet_hours, allow_weekends, caps, version) values (1, ?1, ?2, ?3, 1)"
                                + " on conflict (id) do update set quiet_hours = excluded.quiet_hours, allow_weekends = excluded.allow_weekends,"
                                + " caps = excluded.caps, version = pressure_settings.version + 1")
                .setParameter(1, q.toString())
                .setParameter(2, allowWeekends)
                .setParameter(3, capText)
                .executeUpdate();
        return current();
    }
}
