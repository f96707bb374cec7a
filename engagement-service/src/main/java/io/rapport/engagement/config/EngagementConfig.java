package io.rapport.engagement.config;

import io.rapport.engagement.domain.Channel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** engagement-service settings; each can be set by environment, e.g. RAPPORT_ENGAGEMENT_PRESSURE_QUIET_HOURS. */
@ConfigMapping(prefix = "rapport.engagement")
public interface EngagementConfig {

    Pressure pressure();

    Complaints complaints();

    Jobs jobs();

    /** How long a contact made by hand or by a campaign stays useful after its requested time (when not given). */
    @WithDefault("P14D")
    Duration contactValidity();

    /** Contact-pressure defaults; once edited through the API the stored settings apply instead. */
    interface Pressure {
        /** Local time window without contacts, HH:mm-HH:mm (may wrap past midnight), or none. */
        @WithDefault("20:00-08:00")
        String quietHours();

        /** Whether Saturday and Sunday (in the customer's zone) are contact days. */
        @WithDefault("false")
        boolean allowWeekends();

        /** Frequency caps, e.g. 1/P3D,4/P30D,PARTNERSHIP:2/P3D,@SMS:1/P7D (see FrequencyCap). */
        @WithDefault("1/P3D,4/P30D")
        String caps();

        /** Channels allowed when the customer neither granted nor refused consent for them. */
        @WithDefault("PHONE,VISIT,MEETING")
        Set<Channel> implicitConsentChannels();
    }

    interface Complaints {
        /** Time to resolve per severity (the SLA). */
        @WithDefault("P10D")
        Duration slaLow();

        @WithDefault("P5D")
        Duration slaMedium();

        @WithDefault("P2D")
        Duration slaHigh();

        @WithDefault("PT24H")
        Duration slaCritical();

        /** When the complaint follow-up call is requested after the complaint is opened. */
        @WithDefault("PT2H")
        Duration followUpDelay();

        /** Queue for follow-ups of customers without an owner. */
        @WithDefault("complaints")
        String queue();

        /**
         * Escalation of overdue complaints (EscalationRule): levels separated by ';', each with after= (overdue by
         * more than, ISO-8601), severity= (lowest severity it applies to), assign= (escalation assignee or team) and
         * notify= (comma-separated ids); "none" disables it.
         */
        @WithDefault(
                "after=PT0S notify=support-lead; after=PT24H severity=HIGH assign=complaint-escalations notify=support-manager")
        String escalation();
    }

    interface Jobs {
        /** Whether this replica runs the dispatcher and the escalation job (safe on every replica). */
        @WithDefault("true")
        boolean enabled();

        /** Contacts or complaints claimed per transaction. */
        @WithDefault("200")
        int batchSize();
    }
}
