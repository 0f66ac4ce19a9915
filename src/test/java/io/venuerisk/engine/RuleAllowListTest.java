package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allow-list is the guarantee's one source: every name in it must mean something real. */
class RuleAllowListTest {

  @Test
  void everyClassAndMemberTheListNamesExists() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String raw : lines()) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("everywhere-denied")) {
        continue;
      }
      List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
      if (words.get(0).equals("glue")) {
        words.remove(0);
      }
      String cls = words.remove(0);
      if (cls.endsWith(".*")) {
        assertThat(cls).as("the only package-wide entry").isEqualTo("io.venuerisk.model.*");
        continue;
      }
      Class<?> c;
      try {
        c = Class.forName(cls, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        missing.add(cls);
        continue;
      }
      for (String w : words) {
        String member = w.startsWith("-") ? w.substring(1) : w;
        if (member.equals("*") || member.equals("type")) {
          continue;
        }
        if (!hasMember(c, member)) {
          missing.add(cls + "." + member);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theListAllowsValueTypesAndRefusesTheRoutesOutOfTheEngine() {
    RuleAllowList list = RuleAllowList.standard();
    RuleAllowList.Tier rule = RuleAllowList.Tier.RULE;
    assertThat(list.allowsMember(rule, "java/lang/String", "format")).isTrue();
    assertThat(list.allowsMember(rule, "io/venuerisk/model/Scenario", "attendance")).isTrue();
    assertThat(
            list.allowsMember(
                rule, "org/drools/core/rule/consequence/KnowledgeHelper", "insertLogical"))
        .isTrue();
    assertThat(
            list.allowsMember(
                rule, "org/drools/core/rule/consequence/KnowledgeHelper", "getKieRuntime"))
        .isFalse();
    assertThat(list.allowsMember(rule, "org/drools/core/rule/consequence/KnowledgeHelper", "halt"))
        .isFalse();
    assertThat(list.allowsMember(rule, "io/venuerisk/model/Scenario", "getClass")).isFalse();
    assertThat(list.allowsMember(rule, "java/lang/Integer", "getInteger")).isFalse();
    assertThat(list.allowsMember(rule, "java/time/LocalDate", "now")).isFalse();
    assertThat(list.allowsType(rule, "java/util/Formatter")).isFalse();
    assertThat(list.allowsType(rule, "java/util/Scanner")).isFalse();
    assertThat(list.allowsType(rule, "java/util/Properties")).isFalse();
    assertThat(list.allowsType(rule, "java/lang/Class")).isFalse();
    // the invoker templates' own needs stay theirs
    assertThat(list.allowsMember(RuleAllowList.Tier.GLUE, "java/lang/Object", "getClass")).isTrue();
    assertThat(list.allowsType(rule, "java/lang/ClassLoader")).isFalse();
  }

  private static boolean hasMember(Class<?> c, String member) {
    if (member.equals("<init>")) {
      return c.getConstructors().length > 0;
    }
    for (Method m : c.getMethods()) {
      if (m.getName().equals(member)) {
        return true;
      }
    }
    for (Field f : c.getFields()) {
      if (f.getName().equals(member)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = RuleAllowList.class.getResourceAsStream("rule-allow-list.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
