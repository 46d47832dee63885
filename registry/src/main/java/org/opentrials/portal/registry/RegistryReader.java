package org.opentrials.portal.registry;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads ClinicalTrials.gov API v2 JSON with bounded memory: a single study ({@code
 * {"protocolSection": ...}}), a search-response page ({@code {"studies": [...], "nextPageToken":
 * ...}}), a plain array of studies, or a ZIP of such files (recognised by its content, not its
 * name). The JSON-P streaming parser walks the file; only one study at a time is built as a small
 * tree and handed to the {@link Sink} before the next is read, so a page of 10,000 studies needs no
 * more memory than its largest study.
 *
 * <p>Nothing here stops a batch: a study that cannot be read, a file that is not JSON, an empty
 * file or a broken ZIP is reported to {@link Sink#unreadable} (invalid JSON with its line and
 * column), and reading goes on with the next study or file. After a syntax error the rest of that
 * file cannot be trusted, so its remaining studies are not read; the report says so.
 */
public final class RegistryReader {
  /** What the reader hands out, one study or problem at a time, in input order. */
  public interface Sink {
    void study(RegistryStudy study);

    /**
     * Something that could not be read as a study.
     *
     * @param source file (and ZIP entry, and study index) with the line and column where known
     * @param reason why, in a sentence
     */
    void unreadable(String source, String reason);
  }

  /** Looked up once: the provider search is too slow to repeat per file. */
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

  /**
   * Top-level members of a study record (API v2 Study); any of them at the root makes the root a
   * study.
   */
  private static final Set<String> STUDY_MEMBERS =
      Set.of(
          "protocolSection",
          "resultsSection",
          "annotationSection",
          "documentSection",
          "derivedSection",
          "hasResults");

  private RegistryReader() {}

  /** Reads a JSON file or a ZIP of them. */
  public static void read(Path file, Sink sink) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      read(name, in, sink);
    } catch (IOException e) {
      sink.unreadable(name, "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Reads one document (JSON or ZIP) from a stream; the caller closes it.
   *
   * @param name names the input in the report, e.g. the file name
   */
  public static void read(String name, InputStream in, Sink sink) {
    PushbackInputStream input =
        new PushbackInputStream(new BufferedInputStream(in, 1 << 16), HEAD_BYTES);
    try {
      byte[] head = new byte[HEAD_BYTES];
      int n = input.readNBytes(head, 0, HEAD_BYTES);
      if (n > 0) {
        input.unread(head, 0, n);
      }
      if (n == 0) {
        sink.unreadable(name, "empty file");
      } else if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
        readZip(name, input, sink);
      } else if (isXml(head, n)) {
        sink.unreadable(name, classicXml(new String(head, 0, n, StandardCharsets.UTF_8)));
      } else {
        if (n >= 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF) {
          input.skipNBytes(3); // a UTF-8 byte order mark, which the parser would take for content
        }
        readJson(name, input, sink);
      }
    } catch (IOException e) {
      sink.unreadable(name, "cannot read: " + e.getMessage());
    }
  }

  private static void readZip(String name, InputStream in, Sink sink) {
    // Entries are read in place, never unpacked whole (nor written anywhere: a path in an entry's
    // name only names it in the report); the entry stream must stay open between them.
    if (name.chars().filter(c -> c == '!').count() >= MAX_ZIP_NESTING) {
      sink.unreadable(name, "a ZIP inside a ZIP inside a ZIP is not read");
      return;
    }
    Counting raw = new Counting(in);
    ZipInputStream zip = new ZipInputStream(raw);
    int entries = 0;
    try {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String entryName = entry.getName();
        String source = name + "!/" + entryName;
        String base = entryName.substring(entryName.lastIndexOf('/') + 1);
        if (entry.isDirectory() || entryName.startsWith("__MACOSX/") || base.startsWith(".")) {
          continue;
        }
        if (++entries > MAX_ZIP_ENTRIES) {
          sink.unreadable(
              name, "more than " + MAX_ZIP_ENTRIES + " files in the ZIP; the rest were not read");
          return;
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".zip") || lower.endsWith(".xml")) {
          KeepOpen entryStream = new KeepOpen(zip, raw);
          read(source, entryStream, sink);
          if (entryStream.bomb) {
            // Skipping to the next entry would unpack the rest of this one: stop here.
            sink.unreadable(name, "a ZIP bomb in it; the files after it were not read");
            return;
          }
        } else {
          sink.unreadable(
              source,
              "not a .json file, ignored (the import reads ClinicalTrials.gov API v2 JSON: a study"
                  + " or a search page, or a ZIP of them)");
        }
      }
      if (entries == 0) {
        sink.unreadable(name, "the ZIP holds no files");
      }
    } catch (ZipException e) {
      sink.unreadable(name, "not a readable ZIP: " + e.getMessage());
    } catch (IOException e) {
      sink.unreadable(name, "cannot read the ZIP: " + e.getMessage());
    }
  }

  private static void readJson(String name, InputStream input, Sink sink) {
    Walk walk = new Walk(name, sink);
    ContentSeen in = new ContentSeen(input);
    // The parser detects UTF-8/16/32 itself from the bytes, as RFC 8259 allows.
    try (JsonParser parser = PARSERS.createParser(in)) {
      walk.parser = parser;
      if (!parser.hasNext()) {
        sink.unreadable(name, "empty file");
        return;
      }
      Event first = parser.next();
      if (first == Event.START_OBJECT) {
        walk.root();
      } else if (first == Event.START_ARRAY) {
        walk.studies("$");
      } else {
        sink.unreadable(
            name + at(parser.getLocation()),
            "expected a study or a search page (a JSON object), found " + describe(first));
      }
    } catch (JsonParsingException e) {
      if (!in.seen) {
        sink.unreadable(name, "empty file"); // only blanks: the parser calls that a syntax error
        return;
      }
      String rest = walk.delivered > 0 ? "; the studies after it in this file were not read" : "";
      sink.unreadable(name + at(e.getLocation()), "invalid JSON: " + e.getMessage() + rest);
    } catch (JsonException e) {
      // I/O errors and encoding problems reach us wrapped by the parser.
      Throwable cause = e.getCause() instanceof IOException io ? io : e;
      sink.unreadable(name, "cannot read the JSON: " + cause.getMessage());
    } catch (UncheckedIOException e) {
      sink.unreadable(name, "cannot read the JSON: " + e.getCause().getMessage());
    }
  }

  /** The state of walking one JSON document. */
  private static final class Walk {
    final String name;
    final Sink sink;
    JsonParser parser;
    int delivered;

    Walk(String name, Sink sink) {
      this.name = name;
      this.sink = sink;
    }

    /** Just past the root's START_OBJECT: a study, or a page with "studies". */
    void root() {
      JsonLocation start = parser.getLocation();
      JsonObjectBuilder study = null;
      boolean page = false;
      Event e;
      while ((e = parser.next()) != Event.END_OBJECT) {
        String key = parser.getString(); // e is KEY_NAME: the parser guarantees it inside an object
        Event value = parser.next();
        if (key.equals("studies") && value == Event.START_ARRAY) {
          page = true;
          studies("$.studies");
        } else if (STUDY_MEMBERS.contains(key)) {
          if (study == null) {
            study = PROVIDER.createObjectBuilder();
          }
          study.add(key, parser.getValue());
        } else {
          skip(value); // nextPageToken, totalCount and anything newer than this reader
        }
      }
      if (study != null) {
        deliver(study.build(), name, start);
      } else if (!page) {
        sink.unreadable(
            name,
            "neither a study (no \"protocolSection\") nor a search page (no \"studies\" array)");
      }
    }

    /** Just past a START_ARRAY of studies. */
    void studies(String path) {
      int index = 0;
      Event e;
      while ((e = parser.next()) != Event.END_ARRAY) {
        JsonLocation start = parser.getLocation();
        String source = name + " " + path + "[" + index + "]";
        if (e == Event.START_OBJECT) {
          deliver(parser.getObject(), source, start);
        } else {
          skip(e);
          sink.unreadable(
              source + at(start), "expected a study (a JSON object), found " + describe(e));
        }
        index++;
      }
    }

    private void deliver(JsonObject tree, String source, JsonLocation start) {
      RegistryStudy study;
      try {
        study = StudyDecoder.decode(tree, source);
      } catch (RuntimeException e) {
        // The decoder is written not to throw; should it, one study is lost, not the batch.
        sink.unreadable(source + at(start), "could not be read: " + e);
        return;
      }
      delivered++;
      sink.study(study);
    }

    private void skip(Event value) {
      if (value == Event.START_OBJECT) {
        parser.skipObject();
      } else if (value == Event.START_ARRAY) {
        parser.skipArray();
      }
    }
  }

  /** How much of a file is looked at before parsing: enough for an XML record's NCT number. */
  private static final int HEAD_BYTES = 4096;

  private static final Pattern XML_NCT_ID =
      Pattern.compile("<nct_id>\\s*(NCT\\d{8})\\s*</nct_id>", Pattern.CASE_INSENSITIVE);

  /** Whether the file starts (after a byte order mark and blanks) with "<": XML, not JSON. */
  private static boolean isXml(byte[] head, int n) {
    int i = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
      i++;
    }
    return i < n && head[i] == '<';
  }

  /**
   * The message for a classic XML record (ClinicalTrials.gov's retired format): which format it is,
   * which study, and where to get the same study as API v2 JSON.
   */
  static String classicXml(String head) {
    Matcher nct = XML_NCT_ID.matcher(head);
    String study = nct.find() ? nct.group(1).toUpperCase(Locale.ROOT) : null;
    return "classic ClinicalTrials.gov XML"
        + (study == null ? "" : " (study " + study + ")")
        + ", which this import does not read: download "
        + (study == null
            ? "the study as API v2 JSON (https://clinicaltrials.gov/api/v2/studies/NCT…)"
            : "the study as API v2 JSON from https://clinicaltrials.gov/api/v2/studies/" + study)
        + ", or a search page from https://clinicaltrials.gov/api/v2/studies?… without a fields="
        + " parameter, and upload that";
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNumber() < 0) {
      return "";
    }
    return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }

  private static String describe(Event e) {
    return switch (e) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> e.name();
    };
  }

  /** Notices whether anything but blanks went through. */
  private static final class ContentSeen extends FilterInputStream {
    boolean seen;

    ContentSeen(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && !seen) {
        seen = !isBlank(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = off; !seen && i < off + n; i++) {
        seen = !isBlank(b[i]);
      }
      return n;
    }

    private static boolean isBlank(int b) {
      return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
  }

  /** Hands a ZIP entry to the parser, which closes what it reads, without closing the ZIP. */
  /** Zip nesting read at most: a ZIP of ZIPs of studies, no deeper. */
  static final int MAX_ZIP_NESTING = 2;

  /** Files read from one ZIP at most. */
  static final int MAX_ZIP_ENTRIES = 100_000;

  /**
   * An entry that unpacks to more than this many times the bytes it takes in the ZIP (beyond the
   * first {@link #BOMB_ALLOWANCE} bytes) is a ZIP bomb: the reading of the ZIP stops there (going
   * on to the next entry would unpack the rest of it). Registry JSON compresses 10 to 20 times.
   */
  static final long MAX_RATIO = 200;

  static final long BOMB_ALLOWANCE = 8L << 20;

  /** Counts the bytes read through it (the tests use it too). */
  static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** One entry's unpacked bytes, stopped once they outgrow the packed ones far beyond reason. */
  private static final class KeepOpen extends FilterInputStream {
    private final Counting raw;
    private final long rawAtStart;
    private long unpacked;
    boolean bomb;

    KeepOpen(InputStream in, Counting raw) {
      super(in);
      this.raw = raw;
      this.rawAtStart = raw.count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      unpacked += n;
      long packed = Math.max(1, raw.count - rawAtStart);
      if (unpacked > BOMB_ALLOWANCE && unpacked > packed * MAX_RATIO) {
        bomb = true;
        throw new IOException(
            "unpacks to more than " + MAX_RATIO + " times its size: not read (a ZIP bomb?)");
      }
    }

    @Override
    public void close() {
      // the ZIP stream moves on to its next entry instead
    }
  }
}
