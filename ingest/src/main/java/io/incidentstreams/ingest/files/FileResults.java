package io.incidentstreams.ingest.files;

import io.incidentstreams.ingest.ReadResult;
import java.util.Iterator;
import java.util.List;

/** The results of one file, produced lazily; closing releases the file. */
interface FileResults extends Iterator<ReadResult>, AutoCloseable {

    @Override
    void close();

    static FileResults of(ReadResult result) {
        Iterator<ReadResult> it = List.of(result).iterator();
        return new FileResults() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ReadResult next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
