package org.hersj.experiments.cli;

import java.io.IOException;
import org.hersj.experiments.data.NpyRowStream;
import org.hersj.fhe.search.enroll.RowSource;

/**
 * Feeds the rows of a streamed {@code .npy} feature matrix (unit-normalised) to enrollment, so a gallery
 * larger than memory can be encrypted; a resumed enrollment skips finished rows without reading them.
 */
final class NpyRowSource implements RowSource {

    private final NpyRowStream stream;

    /** @param stream an open stream, closed with this source */
    NpyRowSource(NpyRowStream stream) {
        this.stream = stream;
    }

    @Override
    public int dimension() {
        return stream.dimension();
    }

    @Override
    public long rowCount() {
        return stream.rowCount();
    }

    @Override
    public void next(float[] row) throws IOException {
        stream.next(row);
    }

    @Override
    public void skip(long rows) {
        stream.skip(rows);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
