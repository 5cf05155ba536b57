package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.backend.SearchBackend;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * An encrypted probe: for the HERS layouts one ciphertext per dimension, each with the probe value
 * replicated to every slot (reused for every block); for the Boddeti 2018 layout one ciphertext with
 * the probe's d features in its first slots; for the packed-items layout (stage 2 of two-stage search)
 * one segment-masked ciphertext per item segment of a record, S = slots/p, a power of two (the
 * record does not know the slot count: the stage-2 server checks S against the gallery). Stored as a
 * one-record {@link FileKind#PROBE} file.
 *
 * @param kind the gallery layout this probe is for
 * @param dimension feature dimension d
 * @param ciphertexts the ciphertexts, fresh (degree 1, top level)
 */
public record EncryptedProbe(LayoutKind kind, int dimension, List<BackendCiphertext> ciphertexts) {

  /** Checks the ciphertext count matches the layout. */
  public EncryptedProbe {
    ciphertexts = List.copyOf(ciphertexts);
    kind.requireProbeCiphertexts(ciphertexts.size(), dimension);
  }

  /**
   * Hands this probe from one role to another as the roles exchange it, through {@code file}: written
   * with the client's backend, read back with the server's. In-process runs of both roles use it so
   * the server never works on the client's objects (engines such as OpenFHE tie a ciphertext to the
   * context that made it).
   *
   * @return the probe as the server reads it
   */
  public EncryptedProbe handOver(Path file, SearchBackend from, SearchBackend to) throws IOException {
    write(file, from);
    return read(file, to);
  }

  /** Writes this probe to {@code file} (atomically: temporary name, then rename). */
  public void write(Path file, SearchBackend backend) throws IOException {
    RecordFileHeader header = header(backend);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.deleteIfExists(RecordFileWriter.partFileOf(file));
    Files.deleteIfExists(file);
    try (RecordFileWriter writer = RecordFileWriter.open(file, header, 1)) {
      RecordBuffer record = new RecordBuffer(header);
      ByteBuffer payload = record.payload();
      for (BackendCiphertext ct : ciphertexts) {
        backend.writePayload(payload, ct, header.payloadEncoding());
      }
      writer.write(0, 1, record);
      writer.finish();
    }
  }

  /**
   * Reads a probe from {@code file} and checks it was made under {@code backend}'s parameters.
   *
   * @throws RecordFileException if the file is damaged or made under other parameters
   */
  public static EncryptedProbe read(Path file, SearchBackend backend) throws IOException {
    try (RecordFileReader reader = RecordFileReader.open(file, FileKind.PROBE)) {
      RecordFileHeader h = reader.header();
      ParameterCheck.requireSameParameters(h, backend, file);
      if (h.degree() != 1 || h.level() != backend.freshLevel()) {
        throw new RecordFileException(file, "probe ciphertexts must be fresh (degree 1, level "
            + backend.freshLevel() + "), found degree " + h.degree() + " level " + h.level());
      }
      RecordBuffer record = new RecordBuffer(h);
      reader.read(0, record);
      ByteBuffer payload = record.payload();
      List<BackendCiphertext> cts = new ArrayList<>();
      for (int i = 0; i < h.ciphertextsPerRecord(); i++) {
        BackendCiphertext ct = backend.newCiphertext(1, h.level());
        backend.readPayload(payload, ct, h.payloadEncoding());
        cts.add(ct);
      }
      try {
        return new EncryptedProbe(h.layout().kind(), h.layout().dimension(), cts);
      } catch (IllegalArgumentException e) {
        throw new RecordFileException(file, e.getMessage());
      }
    }
  }

  // The key owner's fresh probe ciphertexts are stored seeded (half the upload), others packed.
  private RecordFileHeader header(SearchBackend backend) {
    GalleryLayout layout = new GalleryLayout(kind, 1, dimension, backend.slots());
    PayloadEncoding encoding = backend instanceof EncryptionBackend fresh ? fresh.freshEncoding()
        : backend.preferredEncoding();
    return new RecordFileHeader(FileKind.PROBE, backend.engineName(),
        backend.parameterFingerprint(), backend.keyFingerprint(),
        backend.describeParameters(), layout, 1, ciphertexts.size(), 1, backend.freshLevel(),
        backend.payloadBytes(1, backend.freshLevel(), encoding), encoding);
  }
}
