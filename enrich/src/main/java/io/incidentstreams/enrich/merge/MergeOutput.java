package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;

/**
 * What the merge step writes: a change of a published incident, or of a report that waits for one. The topology
 * splits the two onto the incidents and unresolved-mentions topics. A null payload is a tombstone.
 */
public sealed interface MergeOutput {

    /** Key incident id; null incident: the id was merged away or is no longer published. */
    record IncidentChange(Incident incident) implements MergeOutput {
    }

    /** Key mention id; null mention: the report joined an incident or was withdrawn. */
    record WaitingChange(IncidentMention mention) implements MergeOutput {
    }
}
