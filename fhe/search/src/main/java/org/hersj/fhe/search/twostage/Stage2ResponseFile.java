package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hersj.fhe.io.Envelope;
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
 * packed gallery's layout, who summed the segments, the server's timings and operation counts, the
 * candidate groups (per group its member count and member item indices; a member's segment is its item
 * index mod items per record), one score ciphertext payload per group, and a SHA-256 over all of it.
 * Written atomically; reading refuses a file that is truncated, modified, of another format version
 * (version 1 held one score per touched record and is refused), made under other parameters or keys,
 * that answers another request, or whose groups break the grouping rules or do not list exactly the
 * request's candidates.
 */
public final class Stage2ResponseFile {

  /**
   * Current format version of the file: envelope major 3. Version 2 is the "HS2S" frame of release 0.1.0
   * (the same body), still read; version 1 held one score per touched record and is refused.
   */
  public static final int VERSION = 3;
  static final Envelope.Format FORMAT = new Envelope.Format("HERS-J stage-2 response", "HJS2RESP", VERSION, 0,
      Envelope.BodyCheck.SHA256);
  static final int MAGIC_V1 = 0x48533253; // "HS2S"
  private static final String WHAT = "stage-2 response";
  private static final String WRITER = "'hers search --two-stage'";

  private Stage2ResponseFile() {
  }

  /** Writes {@code response} to {@code file} atomically, bound to the request {@code request} it answers. */
  public static void write(Path file, Stage2Response response, Stage2Request request, SearchBackend backend)
      throws IOException {
    CandidateGroups groups = response.groups();
    int payload = response.payloadBytesPerScore();
    GalleryLayout layout = response.layout();
    String engine = backend.engineName();
    String params = backend.parameterFingerprint();
    String key = backend.keyFingerprint();
    long size = Stage2FileFormat.DIGEST_BYTES + Stage2FileFormat.stringBytes(engine) + Stage2FileFormat.stringBytes(params)
        + Stage2FileFormat.stringBytes(key) + Long.BYTES + 4 * Integer.BYTES + 2 * Double.BYTES + 5 * Long.BYTES
        + Integer.BYTES + groups.groupCount() * ((long) Integer.BYTES + payload)
        + (long) groups.candidateCount() * Long.BYTES;
    if (size > Integer.MAX_VALUE - 1024) {
      throw new IllegalArgumentException("a stage-2 response of " + groups.groupCount() + " groups (" + size
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
    body.putInt(groups.groupCount());
    for (int i = 0; i < groups.groupCount(); i++) {
      long[] members = groups.members(i);
      body.putInt(members.length);
      for (long item : members) {
        body.putLong(item);
      }
    }
    for (BackendCiphertext ct : response.scores()) {
      backend.writePayload(body, ct);
    }
    Stage2FileFormat.writeAtomically(file, Stage2FileFormat.frame(FORMAT, body.array()));
  }

  /**
   * Reads a response written by {@link #write} for {@code request}, checking it was made with
   * {@code backend}'s engine, parameters and keys.
   *
   * @throws RecordFileException naming the file and what is wrong
   */
  public static Stage2Response read(Path file, Stage2Request request, SearchBackend backend) throws IOException {
    Stage2FileFormat.Body read = Stage2FileFormat.readBody(file, FORMAT, MAGIC_V1, WHAT, WRITER);
    Stage2FileFormat.requireVersion(read, file, WHAT, WRITER, 2, VERSION);
    ByteBuffer body = read.buffer();
    try {
      byte[] answers = new byte[Stage2FileFormat.DIGEST_BYTES];
      body.get(answers);
      byte[] requestDigest = read.version() == 2 ? request.digestV1() : request.digest();
      if (!MessageDigest.isEqual(answers, requestDigest)) {
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
      if (count < 1 || (long) count * Integer.BYTES > body.remaining()) {
        throw new RecordFileException(file, "says it holds " + count + " candidate groups but has room for at most "
            + body.remaining() / Integer.BYTES);
      }
      RecordFileHeader header = new RecordFileHeader(FileKind.SCORES, engine, params, key, "stage-2 response",
          layout, count, 1, 1, level, backend.payloadBytes(1, level));
      ParameterCheck.requireSameParameters(header, backend, file);
      if (level != backend.scoreLevel()) {
        throw new RecordFileException(file, "holds scores at level " + level + ", expected the score level "
            + backend.scoreLevel());
      }
      long[][] members = new long[count][];
      for (int i = 0; i < count; i++) {
        int size = body.getInt();
        if (size < 1 || size > layout.itemsPerRecord()) {
          throw new RecordFileException(file, "group " + i + " says it holds " + size + " candidates; a group holds 1.."
              + layout.itemsPerRecord());
        }
        members[i] = new long[size];
        for (int j = 0; j < size; j++) {
          members[i][j] = body.getLong();
        }
      }
      CandidateGroups groups = CandidateGroups.of(members, layout);
      if (!Arrays.equals(groups.items(), CandidateGroups.greedy(request.candidates(), layout).items())) {
        throw new RecordFileException(file, "its candidate groups do not list exactly the request's "
            + "candidates; the response is inconsistent with the request it claims to answer");
      }
      List<BackendCiphertext> scores = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        BackendCiphertext ct = backend.newCiphertext(1, level);
        backend.readPayload(body, ct);
        scores.add(ct);
      }
      Stage2FileFormat.requireConsumed(body, file, WHAT);
      return new Stage2Response(layout, form, groups, scores, backend.payloadBytes(1, level), seconds, cpuSeconds, ops);
    } catch (BufferUnderflowException e) {
      throw Stage2FileFormat.shortBody(file, WHAT, e);
    } catch (IllegalArgumentException e) {
      throw new RecordFileException(file, e.getMessage());
    }
  }
}
