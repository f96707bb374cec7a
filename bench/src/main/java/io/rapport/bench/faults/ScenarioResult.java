package io.rapport.bench.faults;

import java.util.List;
import java.util.Map;

/**
 * One scenario's outcome.
 *
 * @param observed per service, how many of the accepted purchases it holds
 * @param convergeSeconds from the end of the fault (or the last accepted purchase, if later) until every service held
 *        every accepted purchase; null when that did not happen before the deadline
 * @param unexpectedDeadLetters dead letters other than the poison record
 * @param poisonDeadLetters dead letters of the poison record (its scenario only)
 */
record ScenarioResult(
        String scenario,
        int accepted,
        Map<String, Integer> observed,
        List<String> lost,
        List<String> doubled,
        List<String> rejected,
        List<String> unexpectedDeadLetters,
        int poisonDeadLetters,
        boolean poisonExpected,
        Double convergeSeconds,
        double faultSeconds,
        long retries,
        String error) {

    boolean ok() {
        return error == null
                && lost.isEmpty()
                && doubled.isEmpty()
                && rejected.isEmpty()
                && unexpectedDeadLetters.isEmpty()
                && convergeSeconds != null
                && (!poisonExpected || poisonDeadLetters > 0);
    }

    /** Why it failed, in a few words (empty when ok). */
    String problems() {
        StringBuilder s = new StringBuilder();
        if (error != null) {
            s.append("error: ").append(error).append("; ");
        }
        if (!lost.isEmpty()) {
            s.append(lost.size()).append(" lost; ");
        }
        if (!doubled.isEmpty()) {
            s.append(doubled.size()).append(" doubled; ");
        }
        if (!rejected.isEmpty()) {
            s.append(rejected.size()).append(" rejected; ");
        }
        if (!unexpectedDeadLetters.isEmpty()) {
            s.append(unexpectedDeadLetters.size()).append(" unexpected dead letters; ");
        }
        if (convergeSeconds == null) {
            s.append("no convergence; ");
        }
        if (poisonExpected && poisonDeadLetters == 0) {
            s.append("poison record not dead-lettered; ");
        }
        return s.toString().replaceAll("; $", "");
    }
}
