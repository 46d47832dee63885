package org.opentrials.portal.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How text becomes terms. Index and search both lower-case, fold accents (Spanish "células" =
 * "celulas"), drop small English and Spanish words and plural "s"; a search also expands the
 * synonyms of {@code synonyms.txt}. The spelling field keeps whole words for "did you mean".
 */
final class SearchAnalyzers {
  /** Small words that carry no meaning in a search, English and Spanish, already folded. */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
          "of", "on", "or", "the", "to", "with", "without", "de", "del", "el", "la", "las", "los",
          "en", "y", "o", "con", "sin", "para", "por", "un", "una", "al");

  private static final CharArraySet STOP = new CharArraySet(STOP_WORDS, false);

  final Analyzer index = analyzer(null, true);
  final Analyzer spelling = analyzer(null, false);
  final Analyzer query;

  SearchAnalyzers() {
    this.query = analyzer(synonyms(), true);
  }

  /** The words of {@code text} without small words, at most {@code max} of them. */
  static String meaningfulWords(String text, int max) {
    List<String> kept = new ArrayList<>();
    for (String w : text.split("[\\s,;]+")) {
      String folded = fold(w);
      if (!w.isBlank() && !STOP_WORDS.contains(folded) && kept.size() < max) {
        kept.add(w);
      }
    }
    return String.join(" ", kept);
  }

  /** Lower case, accents folded: what the spelling field holds of one word. */
  static String fold(String word) {
    char[] in = word.toLowerCase(Locale.ROOT).toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, n);
  }

  private static Analyzer analyzer(SynonymMap synonyms, boolean stems) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        if (synonyms != null) {
          s = new SynonymGraphFilter(s, synonyms, true);
        } else if (stems) {
          s = new StopFilter(s, STOP);
        }
        if (stems) {
          s = new EnglishMinimalStemFilter(s);
        }
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** The maintained list, each phrase without its small words (as searches are). */
  private static SynonymMap synonyms() {
    String text;
    try (InputStream in = SearchAnalyzers.class.getResourceAsStream("synonyms.txt")) {
      if (in == null) {
        throw new IllegalStateException("synonyms.txt missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder cleaned = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      List<String> phrases = new ArrayList<>();
      for (String phrase : line.split(",")) {
        String words = meaningfulWords(phrase.strip(), 10);
        if (!words.isEmpty()) {
          phrases.add(words.replace("-", " "));
        }
      }
      cleaned.append(String.join(", ", phrases)).append('\n');
    }
    Analyzer plain = analyzer(null, false);
    try {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
      parser.parse(new StringReader(cleaned.toString()));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("synonyms.txt: " + e.getMessage(), e);
    }
  }
}
