package io.rapport.contracts.engagement;

import java.time.Instant;
import java.util.List;

/**
 * An open complaint stayed past its due date long enough to reach an escalation level (1 = the first) of the
 * configured escalation rule; published once per level reached. When the level reassigns the complaint,
 * assigneeId is the new handler and previousAssigneeId the one before (equal when it only notifies); notifyIds names
 * the employees or teams to alert (ids, never contact points).
 */
public record ComplaintEscalated(
        String complaintId,
        String customerId,
        String severity,
        int level,
        Instant dueAt,
        String previousAssigneeId,
        String assigneeId,
        List<String> notifyIds,
        Instant escalatedAt) {}
