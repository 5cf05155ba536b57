package org.hersj.experiments.cli;

import java.io.IOException;
import org.hersj.experiments.data.NpyRowStream;
import org.hersj.fhe.search.enroll.CountedRows;

/**
 * Feeds the rows of a streamed {@code .npy} feature matrix (unit-normalised) to enrollment, so a gallery
 * larger than memory can be encrypted; a resumed enrollment skips finished rows without reading them. Either
 * the whole file or a range of its rows (one shard of a sharded enrollment).
 */
final class NpyRowSource extends CountedRows {

    private final NpyRowStream stream;
    private final String name;

    /** @param stream an open stream, closed with this source: all its rows */
    NpyRowSource(NpyRowStream stream) {
        this(stream, 0, stream.rowCount(), "the rows of the .npy stream");
    }

    /**
     * @param stream an open stream at row {@code first}, closed with this source
     * @param count  rows to deliver from there
     * @param name   the rows, for messages
     */
    NpyRowSource(NpyRowStream stream, long first, long count, String name) {
        super(count, stream.dimension());
        this.stream = stream;
        this.name = name;
    }

    @Override
    protected void read(long index, float[] row) throws IOException {
        stream.next(row);
    }

    @Override
    protected void skipRows(long index, long rows) {
        stream.skip(rows);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
