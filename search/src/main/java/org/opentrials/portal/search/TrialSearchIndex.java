package org.opentrials.portal.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.services.trials.TrialSummaryView;

/**
 * The Lucene index of published trials: one document per trial with its sites' points. Searches are
 * built as query objects (never parsed from the visitor's text), filtered, sorted and cut to a page
 * in the index; the page's trials are shown from stored fields without touching the database.
 *
 * <p>The index records in each commit its {@link #FORMAT} and the change log position it holds; an
 * index of another format is rebuilt.
 */
public final class TrialSearchIndex implements Closeable {
  /** Raise when documents change shape: an index of another format is rebuilt at start. */
  public static final String FORMAT = "2";

  static final String NCT = "nct";
  private static final String ALL = "all";
  private static final String TITLE = "title";
  private static final String CONDITIONS = "conditions";
  private static final String IDS = "ids";
  private static final String SPELL = "spell";
  private static final String OPEN = "open";
  private static final String SCREENABLE = "screenable";
  private static final String PHASE = "phase";
  private static final String TYPE = "type";
  private static final String SEX = "sex";
  private static final String STATUS = "status";
  private static final String MIN_AGE = "min_age";
  private static final String MAX_AGE = "max_age";
  private static final String OPEN_POINT = "open_point";
  private static final String ANY_POINT = "any_point";
  private static final String RANK = "rank";
  private static final String TITLE_SORT = "title_sort";
  private static final String SITE = "site";
  private static final String STORED_SUMMARY = "summary";
  private static final String FORMAT_KEY = "format";
  private static final String POSITION_KEY = "position";
  private static final int MAX_WORDS = 16;
  private static final double METERS_PER_MILE = 1609.344;

  /** The filters with counts on the results page. */
  public static final List<String> DIMENSIONS = List.of(PHASE, TYPE, SEX, STATUS);

  private final SearchAnalyzers analyzers = new SearchAnalyzers();
  private final FacetsConfig facets = new FacetsConfig();
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  /** One typing error in a short word, two in a long one ("lupis": lupus). */
  private final DirectSpellChecker spelling = new DirectSpellChecker();

  private final DirectSpellChecker shortWords = new DirectSpellChecker();
  private volatile boolean needsRebuild;
  private volatile long position;
  private volatile FacetState facetState;
  private long lastCommit = System.nanoTime();
  private static final long COMMIT_EVERY_NANOS = 5_000_000_000L;

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private TrialSearchIndex(Directory directory) {
    this.directory = directory;
    facets.setMultiValued(PHASE, true);
    shortWords.setMaxEdits(1);
    try {
      Map<String, String> committed = Map.of();
      if (DirectoryReader.indexExists(directory)) {
        try (DirectoryReader r = DirectoryReader.open(directory)) {
          committed = r.getIndexCommit().getUserData();
        }
      }
      needsRebuild = !FORMAT.equals(committed.get(FORMAT_KEY));
      position = needsRebuild ? 0 : Long.parseLong(committed.getOrDefault(POSITION_KEY, "0"));
      IndexWriterConfig config =
          new IndexWriterConfig(
              new PerFieldAnalyzerWrapper(analyzers.index, Map.of(SPELL, analyzers.spelling)));
      config.setOpenMode(
          needsRebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
      config.setRAMBufferSizeMB(48);
      writer = new IndexWriter(directory, config);
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index in a directory of the file system, created when missing. */
  public static TrialSearchIndex open(Path dir) {
    try {
      return new TrialSearchIndex(FSDirectory.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An index in memory (tests). */
  public static TrialSearchIndex inMemory() {
    return new TrialSearchIndex(new ByteBuffersDirectory());
  }

  /** Whether the index must be rebuilt from the database (missing, or of another format). */
  public boolean needsRebuild() {
    return needsRebuild;
  }

  /** The change log position the index holds. */
  public long position() {
    return position;
  }

  /**
   * Puts these trials in the index (replacing their earlier documents), takes the {@code removed}
   * NCT numbers out, and records the log position; visible to the next search.
   */
  public synchronized void replace(
      Collection<IndexedTrial> trials, Collection<String> removed, long upTo) {
    try {
      for (String nct : removed) {
        writer.deleteDocuments(new Term(NCT, nct));
      }
      for (IndexedTrial t : trials) {
        writer.updateDocument(new Term(NCT, t.nct()), document(t));
      }
      position = upTo;
      // Visible at once; written durably at most every few seconds (an fsync per staff edit would
      // make the next search wait for the disk). After a crash the log is simply applied again.
      if (System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
        commit(upTo);
      } else {
        searchers.maybeRefreshBlocking();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces the whole index with the trials {@code pages} supplies (until an empty page); searches
   * see the old index until the new one is complete.
   */
  public synchronized int rebuild(Supplier<List<IndexedTrial>> pages, long upTo) {
    try {
      writer.deleteAll();
      int count = 0;
      for (List<IndexedTrial> page = pages.get(); !page.isEmpty(); page = pages.get()) {
        for (IndexedTrial t : page) {
          writer.addDocument(document(t));
        }
        count += page.size();
      }
      needsRebuild = false;
      commit(upTo);
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes what was applied durably (at close). */
  public synchronized void commit() {
    try {
      commit(position);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void commit(long upTo) throws IOException {
    lastCommit = System.nanoTime();
    writer.setLiveCommitData(
        Map.of(FORMAT_KEY, FORMAT, POSITION_KEY, Long.toString(upTo)).entrySet());
    writer.commit();
    position = upTo;
    searchers.maybeRefreshBlocking();
  }

  private Document document(IndexedTrial t) throws IOException {
    Document d = new Document();
    d.add(new StringField(NCT, t.nct(), Field.Store.YES));
    List<String> text = new ArrayList<>();
    text.add(t.briefTitle());
    text.add(t.officialTitle());
    text.addAll(t.conditions());
    text.addAll(t.keywords());
    text.addAll(t.interventions());
    text.add(t.acronym());
    text.add(t.nct());
    for (String s : text) {
      if (s != null) {
        d.add(new TextField(ALL, s, Field.Store.NO));
        d.add(new TextField(SPELL, s, Field.Store.NO));
      }
    }
    d.add(new TextField(TITLE, t.briefTitle() == null ? "" : t.briefTitle(), Field.Store.NO));
    if (t.officialTitle() != null) {
      d.add(new TextField(TITLE, t.officialTitle(), Field.Store.NO));
    }
    for (String c : t.conditions()) {
      d.add(new TextField(CONDITIONS, c, Field.Store.NO));
    }
    d.add(new TextField(IDS, t.nct(), Field.Store.NO));
    if (t.acronym() != null) {
      d.add(new TextField(IDS, t.acronym(), Field.Store.NO));
    }
    boolean open = t.open();
    d.add(new StringField(OPEN, open ? "1" : "0", Field.Store.NO));
    d.add(new StringField(SCREENABLE, t.screenable() ? "1" : "0", Field.Store.NO));
    for (String p : t.phases()) {
      d.add(new StringField(PHASE, p, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(PHASE, p));
    }
    if (t.studyType() != null) {
      d.add(new StringField(TYPE, t.studyType(), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(TYPE, t.studyType()));
    }
    String sex = t.sex() == null ? "ALL" : t.sex();
    d.add(new StringField(SEX, sex, Field.Store.NO));
    d.add(new SortedSetDocValuesFacetField(SEX, sex));
    d.add(new SortedSetDocValuesFacetField(STATUS, t.overallStatus()));
    d.add(new IntPoint(MIN_AGE, t.minimumAgeYears() == null ? 0 : t.minimumAgeYears()));
    d.add(new IntPoint(MAX_AGE, t.maximumAgeYears() == null ? 999 : t.maximumAgeYears()));
    d.add(new NumericDocValuesField(RANK, open ? 0 : 1));
    String title = t.briefTitle() == null ? "" : SearchAnalyzers.fold(t.briefTitle());
    d.add(
        new SortedDocValuesField(
            TITLE_SORT, new BytesRef(title.length() > 120 ? title.substring(0, 120) : title)));
    for (IndexedTrial.Site s : t.sites()) {
      boolean takes = t.takes(s);
      if (s.latitude() != null && s.longitude() != null) {
        d.add(new LatLonPoint(ANY_POINT, s.latitude(), s.longitude()));
        d.add(new LatLonDocValuesField(ANY_POINT, s.latitude(), s.longitude()));
        if (takes) {
          d.add(new LatLonPoint(OPEN_POINT, s.latitude(), s.longitude()));
          d.add(new LatLonDocValuesField(OPEN_POINT, s.latitude(), s.longitude()));
        }
        d.add(
            new StoredField(
                SITE,
                s.latitude()
                    + "\t"
                    + s.longitude()
                    + "\t"
                    + (takes ? "1" : "0")
                    + "\t"
                    + clean(s.name())
                    + "\t"
                    + clean(s.city())));
      }
    }
    d.add(
        new StoredField(
            STORED_SUMMARY,
            String.join(
                "\u001f",
                clean(t.acronym()),
                clean(t.briefTitle()),
                clean(t.conditions().isEmpty() ? null : t.conditions().get(0)),
                String.join(",", t.phases().stream().sorted().toList()),
                clean(t.overallStatus()),
                clean(t.leadSponsor()),
                Integer.toString(t.sites().size()))));
    return facets.build(d);
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\u001f', ' ');
  }

  /** One page of trials for the query, with counts per filter value and a spelling correction. */
  public SearchPage search(SearchQuery q) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        SearchPage page = run(searcher, q, null);
        if (page.total() == 0 && q.text() != null) {
          String corrected = correct(searcher.getIndexReader(), q.text());
          if (corrected != null) {
            SearchPage again = run(searcher, q.withText(corrected), corrected);
            if (again.total() > 0) {
              return again;
            }
          }
        }
        return page;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SearchPage run(IndexSearcher searcher, SearchQuery q, String corrected)
      throws IOException {
    Query text = q.text() == null ? null : textQuery(q.text());
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (text != null) {
      b.add(text, Occur.MUST);
    }
    boolean filtered = false;
    if (q.recruitingOnly()) {
      b.add(new TermQuery(new Term(OPEN, "1")), Occur.FILTER);
      filtered = true;
    }
    if (q.phase() != null) {
      b.add(new TermQuery(new Term(PHASE, q.phase())), Occur.FILTER);
      filtered = true;
    }
    if (q.studyType() != null) {
      b.add(new TermQuery(new Term(TYPE, q.studyType())), Occur.FILTER);
      filtered = true;
    }
    if (q.sex() != null) {
      b.add(
          new TermInSetQuery(SEX, List.of(new BytesRef("ALL"), new BytesRef(q.sex()))),
          Occur.FILTER);
      filtered = true;
    }
    if (q.age() != null) {
      b.add(IntPoint.newRangeQuery(MIN_AGE, Integer.MIN_VALUE, q.age()), Occur.FILTER);
      b.add(IntPoint.newRangeQuery(MAX_AGE, q.age(), Integer.MAX_VALUE), Occur.FILTER);
      filtered = true;
    }
    String pointField = q.recruitingOnly() ? OPEN_POINT : ANY_POINT;
    if (q.near() != null) {
      b.add(
          LatLonPoint.newDistanceQuery(
              pointField,
              q.near().latitude(),
              q.near().longitude(),
              q.radiusMiles() * METERS_PER_MILE),
          Occur.FILTER);
      filtered = true;
    }
    Query query = text == null && !filtered ? new MatchAllDocsQuery() : b.build();
    Sort sort;
    if (q.near() != null) {
      sort =
          new Sort(
              LatLonDocValuesField.newDistanceSort(
                  pointField, q.near().latitude(), q.near().longitude()),
              new SortField(TITLE_SORT, SortField.Type.STRING));
    } else if (text != null) {
      sort = new Sort(SortField.FIELD_SCORE, new SortField(TITLE_SORT, SortField.Type.STRING));
    } else {
      sort =
          new Sort(
              new SortField(RANK, SortField.Type.INT),
              new SortField(TITLE_SORT, SortField.Type.STRING));
    }
    int wanted = q.page() * q.pageSize();
    var topManager = new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE);
    var facetManager = new FacetsCollectorManager();
    Object[] results = searcher.search(query, new MultiCollectorManager(topManager, facetManager));
    TopFieldDocs top = (TopFieldDocs) results[0];
    FacetsCollector fc = (FacetsCollector) results[1];
    List<SearchPage.Hit> hits = new ArrayList<>();
    ScoreDoc[] docs = top.scoreDocs;
    var stored = searcher.storedFields();
    for (int i = (q.page() - 1) * q.pageSize(); i < docs.length; i++) {
      hits.add(hit(stored.document(docs[i].doc), q));
    }
    return new SearchPage(
        hits,
        (int) Math.min(Integer.MAX_VALUE, top.totalHits.value),
        q.page(),
        q.pageSize(),
        counts(searcher.getIndexReader(), fc),
        corrected);
  }

  /**
   * At most {@code limit} trials a person could join now that have structured criteria: for the
   * visitor's words when given (by relevance), else nearest first from {@code near}, else
   * recruiting first by title. What "which trials might fit me" screens.
   */
  public List<String> screenable(String words, GeoPoint near, int limit) {
    return screenable(words, near, 0, limit);
  }

  /**
   * As {@link #screenable(String, GeoPoint, int)} for "Which trials might fit me?": the words are
   * the visitor's condition and must name a trial's condition or title (a stent registry that only
   * lists lupus among its exclusions is not a lupus trial), and with a place and a radius above 0
   * only trials with a site taking participants within that many miles count.
   */
  public List<String> screenable(String words, GeoPoint near, int radiusMiles, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Query text = words == null ? null : textQuery(words);
        BooleanQuery.Builder b =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term(OPEN, "1")), Occur.FILTER)
                .add(new TermQuery(new Term(SCREENABLE, "1")), Occur.FILTER);
        if (text != null) {
          b.add(text, Occur.MUST);
          if (radiusMiles > 0) {
            Query condition = conditionQuery(words);
            if (condition != null) {
              b.add(condition, Occur.FILTER);
            }
          }
        }
        if (near != null && radiusMiles > 0) {
          b.add(
              LatLonPoint.newDistanceQuery(
                  OPEN_POINT, near.latitude(), near.longitude(), radiusMiles * METERS_PER_MILE),
              Occur.FILTER);
        }
        Sort sort =
            text != null
                ? Sort.RELEVANCE
                : near != null
                    ? new Sort(
                        LatLonDocValuesField.newDistanceSort(
                            OPEN_POINT, near.latitude(), near.longitude()))
                    : new Sort(new SortField(TITLE_SORT, SortField.Type.STRING));
        TopFieldDocs top = searcher.search(b.build(), limit, sort);
        var stored = searcher.storedFields();
        List<String> ncts = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
          ncts.add(stored.document(sd.doc, Set.of(NCT)).get(NCT));
        }
        return ncts;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The visitor's words, matched in every searchable field, title and condition ranked higher. */
  private Query textQuery(String raw) {
    String words = SearchAnalyzers.meaningfulWords(raw, MAX_WORDS);
    if (words.isEmpty()) {
      return null;
    }
    QueryBuilder qb = new QueryBuilder(analyzers.query);
    Query all = qb.createBooleanQuery(ALL, words, Occur.MUST);
    if (all == null) {
      return null; // only punctuation or symbols: no words to look for
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(all, Occur.MUST);
    boost(b, qb.createBooleanQuery(CONDITIONS, words, Occur.MUST), 3);
    boost(b, qb.createBooleanQuery(TITLE, words, Occur.MUST), 2);
    boost(b, qb.createBooleanQuery(IDS, words, Occur.MUST), 5);
    return b.build();
  }

  /** Every word of the visitor's condition in the trial's conditions or in its title. */
  private Query conditionQuery(String raw) {
    String words = SearchAnalyzers.meaningfulWords(raw, MAX_WORDS);
    if (words.isEmpty()) {
      return null;
    }
    QueryBuilder qb = new QueryBuilder(analyzers.query);
    Query conditions = qb.createBooleanQuery(CONDITIONS, words, Occur.MUST);
    Query title = qb.createBooleanQuery(TITLE, words, Occur.MUST);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (conditions != null) {
      b.add(conditions, Occur.SHOULD);
    }
    if (title != null) {
      b.add(title, Occur.SHOULD);
    }
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private static void boost(BooleanQuery.Builder b, Query q, float boost) {
    if (q != null) {
      b.add(new BoostQuery(q, boost), Occur.SHOULD);
    }
  }

  /** The words with each unknown one replaced by the closest word of the index, or null. */
  private String correct(IndexReader reader, String raw) throws IOException {
    String words = SearchAnalyzers.meaningfulWords(raw, MAX_WORDS);
    List<String> out = new ArrayList<>();
    boolean changed = false;
    for (String w : words.split(" ")) {
      String folded = SearchAnalyzers.fold(w);
      if (folded.length() < 4 || !folded.chars().allMatch(Character::isLetterOrDigit)) {
        out.add(w);
        continue;
      }
      Term term = new Term(SPELL, folded);
      if (reader.docFreq(term) > 0) {
        out.add(w);
        continue;
      }
      SuggestWord[] s =
          (folded.length() < 7 ? shortWords : spelling)
              .suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (s.length > 0) {
        out.add(s[0].string);
        changed = true;
      } else {
        out.add(w);
      }
    }
    return changed ? String.join(" ", out) : null;
  }

  private Map<String, Map<String, Integer>> counts(IndexReader reader, FacetsCollector fc)
      throws IOException {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    SortedSetDocValuesReaderState state = facetState(reader);
    if (state == null) {
      return counts;
    }
    SortedSetDocValuesFacetCounts facetCounts = new SortedSetDocValuesFacetCounts(state, fc);
    for (String dim : DIMENSIONS) {
      Map<String, Integer> values = new LinkedHashMap<>();
      try {
        FacetResult r = facetCounts.getTopChildren(50, dim);
        if (r != null) {
          for (LabelAndValue lv : r.labelValues) {
            values.put(lv.label, lv.value.intValue());
          }
        }
      } catch (IllegalArgumentException e) {
        // no trial in the index has this dimension yet
      }
      counts.put(dim, values);
    }
    return counts;
  }

  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState known = facetState;
    if (known != null && known.reader() == reader) {
      return known.state();
    }
    try {
      SortedSetDocValuesReaderState state =
          new DefaultSortedSetDocValuesReaderState(reader, facets);
      facetState = new FacetState(reader, state);
      return state;
    } catch (IllegalArgumentException e) {
      return null; // an empty index has no facet field yet
    }
  }

  private SearchPage.Hit hit(Document d, SearchQuery q) {
    String[] s = d.get(STORED_SUMMARY).split("\u001f", -1);
    TrialSummaryView trial =
        new TrialSummaryView(
            d.get(NCT),
            s[0].isEmpty() ? null : s[0],
            s[1],
            s[2].isEmpty() ? List.of() : List.of(s[2]),
            s[3].isEmpty() ? List.of() : List.of(s[3].split(",")),
            s[4],
            s[5],
            Integer.parseInt(s[6]));
    if (q.near() == null) {
      return new SearchPage.Hit(trial, null, null, null, 0);
    }
    String nearestName = null;
    String nearestCity = null;
    Double nearest = null;
    int inRadius = 0;
    for (String site : d.getValues(SITE)) {
      String[] f = site.split("\t", -1);
      if (q.recruitingOnly() && !"1".equals(f[2])) {
        continue;
      }
      double miles =
          q.near()
              .distanceMilesTo(new GeoPoint(Double.parseDouble(f[0]), Double.parseDouble(f[1])));
      if (miles <= q.radiusMiles()) {
        inRadius++;
      }
      if (nearest == null || miles < nearest) {
        nearest = miles;
        nearestName = f[3];
        nearestCity = f[4];
      }
    }
    return new SearchPage.Hit(trial, nearestName, nearestCity, nearest, inRadius);
  }

  /** How many published trials the index holds: its live documents, without reading any. */
  public int count() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** NCT numbers of every trial in the index (tests). */
  Set<String> ncts() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Set<String> all = new java.util.TreeSet<>();
      var stored = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(new MatchAllDocsQuery(), 100_000).scoreDocs) {
        all.add(stored.document(sd.doc).get(NCT));
      }
      return all;
    } finally {
      searchers.release(searcher);
    }
  }

  /** The lower-cased value, for callers that compare filter values. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    if (!needsRebuild) {
      commit(position);
    }
    searchers.close();
    writer.close();
    directory.close();
  }
}
