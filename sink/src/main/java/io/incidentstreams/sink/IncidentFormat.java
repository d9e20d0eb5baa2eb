package io.incidentstreams.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.incidentstreams.model.Actor;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.serde.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** How incidents are printed: one JSON object per line, or a table for people. */
public final class IncidentFormat {
    private IncidentFormat() {
    }

    public static String jsonLine(Incident incident) {
        try {
            return Json.MAPPER.writeValueAsString(incident);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String table(List<Incident> incidents) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-20s %-24s %-10s %-22s %6s %7s %-28s %-4s %s%n";
        sb.append(String.format(fmt, "ID", "TYPE", "DATE", "PLACE", "KILLED", "WOUNDED", "ACTORS", "SRC", "LINKS"));
        for (Incident i : incidents) {
            String place = i.location() == null ? "" : i.location().name();
            String actors = i.actors() == null ? "" : i.actors().stream()
                    .filter(a -> !"target".equals(a.role()))
                    .map(a -> a.name() + (a.status() == null ? "" : " (" + a.status() + ")"))
                    .collect(Collectors.joining(", "));
            String links = i.relations() == null ? "" : i.relations().stream()
                    .map(r -> r.type() + "→" + r.incidentId()).collect(Collectors.joining(", "));
            sb.append(String.format(fmt, i.id(), i.type().code(), i.date() == null ? "?" : i.date(),
                    clip(place, 22), figure(i.killed()), figure(i.wounded()), clip(actors, 28),
                    i.articleCount(), links));
        }
        sb.append(incidents.size()).append(incidents.size() == 1 ? " incident" : " incidents").append('\n');
        return sb.toString();
    }

    public static String jsonLine(IncidentMention mention) {
        try {
            return Json.MAPPER.writeValueAsString(mention);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports waiting for an incident, with what they lack. */
    public static String waitingTable(List<IncidentMention> mentions) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-30s %-24s %-10s %-22s %6s %7s %s%n";
        sb.append(String.format(fmt, "MENTION", "TYPE", "DATE", "PLACE", "KILLED", "WOUNDED", "WAITS BECAUSE"));
        for (IncidentMention m : mentions) {
            String place = m.location() == null || m.location().name() == null ? "" : m.location().name();
            sb.append(String.format(fmt, clip(m.mentionId(), 30), m.type().code(),
                    m.date() == null ? (m.weekday() == null ? "?" : m.weekday().toLowerCase()) : m.date(),
                    clip(place, 22), figure(m.killed()), figure(m.wounded()), waitsBecause(m)));
        }
        sb.append(mentions.size()).append(mentions.size() == 1 ? " report waiting" : " reports waiting").append('\n');
        return sb.toString();
    }

    private static String waitsBecause(IncidentMention m) {
        boolean noMonth = m.datePrecision() == null || m.datePrecision() == DatePrecision.YEAR;
        boolean nowhere = m.location() == null || m.location().name() == null && m.location().country() == null;
        if (noMonth && nowhere) {
            return "no month, no place";
        }
        return noMonth ? "no month: no single incident fits" : nowhere ? "no place or country" : "its incident has no report that stands alone";
    }

    private static String figure(Integer n) {
        return n == null ? "?" : n.toString();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
