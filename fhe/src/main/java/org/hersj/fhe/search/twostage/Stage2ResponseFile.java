package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.SearchBackend;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.OperationCounts;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.ParameterCheck;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;

/**
 * A {@link Stage2Response} as a versioned binary file, written by the server and read by the key owner:
 * the SHA-256 of the {@link Stage2Request} it answers, the engine, parameter and key fingerprints, the
 * packed gallery's layout, who summed the segments, the touched record indices, one score ciphertext
 * payload per record, the server's timings and operation counts, and a SHA-256 over all of it. Written
 * atomically; reading refuses a file that is truncated, modified, of another format version, made under
 * other parameters or keys, or that answers another request.
 */
public final class Stage2ResponseFile {

  /** Current format version of the file. */
  public static final int VERSION = 1;
  private static final int MAGIC = 0x48533253; // "HS2S"
  private static final String WHAT = "stage-2 response";
  private static final String WRITER = "'hers search --two-stage'";

  private Stage2ResponseFile() {
  }

  /** Writes {@code response} to {@code file} atomically, bound to the request {@code request} it answers. */
  public static void write(Path file, Stage2Response response, Stage2Request request, SearchBackend backend)
      throws IOException {
    long[] records = response.records();
    int payload = response.payloadBytesPerScore();
    GalleryLayout layout = response.layout();
    String engine = backend.engineName();
    String params = backend.parameterFingerprint();
    String key = backend.keyFingerprint();
    long size = Stage2FileFormat.DIGEST_BYTES + Stage2FileFormat.stringBytes(engine) + Stage2FileFormat.stringBytes(params)
        + Stage2FileFormat.stringBytes(key) + Long.BYTES + 4 * Integer.BYTES + 2 * Double.BYTES + 5 * Long.BYTES
        + Integer.BYTES + records.length * ((long) Long.BYTES + payload);
    if (size > Integer.MAX_VALUE - 1024) {
      throw new IllegalArgumentException("a stage-2 response of " + records.length + " records (" + size
          + " bytes) is too large for one file; request fewer candidates");
    }
    ByteBuffer body = ByteBuffer.allocate((int) size);
    body.put(request.digest());
    Stage2FileFormat.putString(body, engine);
    Stage2FileFormat.putString(body, params);
    Stage2FileFormat.putString(body, key);
    body.putLong(layout.itemCount()).putInt(layout.dimension()).putInt(layout.slots())
        .putInt(response.form().ordinal()).putInt(response.scores().isEmpty() ? backend.scoreLevel()
            : response.scores().get(0).level());
    body.putDouble(response.seconds()).putDouble(response.cpuSeconds());
    OperationCounts ops = response.operations();
    body.putLong(ops.ciphertexts()).putLong(ops.multiplications()).putLong(ops.relinearizations())
        .putLong(ops.rescales()).putLong(ops.rotations());
    body.putInt(records.length);
    for (long r : records) {
      body.putLong(r);
    }
    for (BackendCiphertext ct : response.scores()) {
      backend.writePayload(body, ct);
    }
    Stage2FileFormat.writeAtomically(file, Stage2FileFormat.frame(MAGIC, VERSION, body.array()));
  }

  /**
   * Reads a response written by {@link #write} for {@code request}, checking it was made with
   * {@code backend}'s engine, parameters and keys.
   *
   * @throws RecordFileException naming the file and what is wrong
   */
  public static Stage2Response read(Path file, Stage2Request request, SearchBackend backend) throws IOException {
    ByteBuffer body = Stage2FileFormat.readBody(file, MAGIC, VERSION, WHAT, WRITER);
    try {
      byte[] answers = new byte[Stage2FileFormat.DIGEST_BYTES];
      body.get(answers);
      if (!MessageDigest.isEqual(answers, request.digest())) {
        throw new RecordFileException(file, "answers another stage-2 request than the one given; pass the request"
            + " file the server was sent with this response");
      }
      String engine = Stage2FileFormat.getString(body, file);
      String params = Stage2FileFormat.getString(body, file);
      String key = Stage2FileFormat.getString(body, file);
      GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, body.getLong(), body.getInt(), body.getInt());
      int formIndex = body.getInt();
      if (formIndex < 0 || formIndex >= Stage2Form.values().length) {
        throw new RecordFileException(file, "names an unknown stage-2 form " + formIndex);
      }
      Stage2Form form = Stage2Form.values()[formIndex];
      int level = body.getInt();
      double seconds = body.getDouble();
      double cpuSeconds = body.getDouble();
      OperationCounts ops = new OperationCounts(body.getLong(), body.getLong(), body.getLong(), body.getLong(),
          body.getLong());
      int count = body.getInt();
      if (count < 1 || count > layout.recordCount()) {
        throw new RecordFileException(file, "says it holds " + count + " records; the gallery has "
            + layout.recordCount());
      }
      RecordFileHeader header = new RecordFileHeader(FileKind.SCORES, engine, params, key, "stage-2 response",
          layout, count, 1, 1, level, backend.payloadBytes(1, level));
      ParameterCheck.requireSameParameters(header, backend, file);
      if (level != backend.scoreLevel()) {
        throw new RecordFileException(file, "holds scores at level " + level + ", expected the score level "
            + backend.scoreLevel());
      }
      long[] records = new long[count];
      for (int i = 0; i < count; i++) {
        records[i] = body.getLong();
        if (records[i] < 0 || records[i] >= layout.recordCount() || (i > 0 && records[i] <= records[i - 1])) {
          throw new RecordFileException(file, "record index " + records[i] + " at position " + i
              + " is out of order or outside the gallery's records 0.." + (layout.recordCount() - 1));
        }
      }
      List<BackendCiphertext> scores = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        BackendCiphertext ct = backend.newCiphertext(1, level);
        backend.readPayload(body, ct);
        scores.add(ct);
      }
      Stage2FileFormat.requireConsumed(body, file, WHAT);
      return new Stage2Response(layout, form, records, scores, backend.payloadBytes(1, level), seconds, cpuSeconds, ops);
    } catch (BufferUnderflowException e) {
      throw Stage2FileFormat.shortBody(file, WHAT, e);
    } catch (IllegalArgumentException e) {
      throw new RecordFileException(file, e.getMessage());
    }
  }
}
