package io.venuerisk.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule in the catalogue: its metadata and the file and line where it is written. */
public record RuleInfo(RuleMeta meta, String file, int line) {

  record Location(String file, int line) {}

  static Location locate(Map<String, String> sources, String ruleName) {
    Pattern p =
        Pattern.compile(
            "^[ \\t]*rule[ \\t]+\"" + Pattern.quote(ruleName) + "\"", Pattern.MULTILINE);
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Matcher m = p.matcher(e.getValue());
      if (m.find()) {
        int line = 1;
        String text = e.getValue();
        for (int i = 0; i < m.start(); i++) {
          if (text.charAt(i) == '\n') {
            line++;
          }
        }
        return new Location(e.getKey(), line);
      }
    }
    return new Location("?", 0);
  }
}
