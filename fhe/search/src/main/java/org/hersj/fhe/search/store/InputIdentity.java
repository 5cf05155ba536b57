package org.hersj.fhe.search.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity of what a resumable write is made from, as {@code key=value} fields separated by
 * {@code "; "} (for a gallery: the feature file's size, modification time and SHA-256, the labels'
 * SHA-256). Compared byte for byte on resume; this class only explains a difference.
 */
public final class InputIdentity {

  /** The identity of a write whose caller names no input (in-memory rows): only its counts are checked. */
  public static final String NONE = "input=unnamed";

  private InputIdentity() {
  }

  /**
   * @param before the identity an interrupted write was started from
   * @param now the identity of this write
   * @return the first field that differs, e.g. {@code features.size was 400128, now 400256}
   */
  public static String difference(String before, String now) {
    Map<String, String> was = fields(before);
    Map<String, String> is = fields(now);
    for (Map.Entry<String, String> e : is.entrySet()) {
      String old = was.get(e.getKey());
      if (!e.getValue().equals(old)) {
        return e.getKey() + (old == null ? " was not recorded" : " was " + old) + ", now " + e.getValue();
      }
    }
    for (String key : was.keySet()) {
      if (!is.containsKey(key)) {
        return key + " was " + was.get(key) + ", now not given";
      }
    }
    return "recorded as '" + before + "', now '" + now + "'";
  }

  private static Map<String, String> fields(String identity) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String field : identity.split("; ")) {
      int eq = field.indexOf('=');
      out.put(eq < 0 ? field : field.substring(0, eq), eq < 0 ? "" : field.substring(eq + 1));
    }
    return out;
  }
}
