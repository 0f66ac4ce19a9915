package io.venuerisk.cli;

import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.model.Nearest;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point: {@code java -jar venue-risk.jar COMMAND ...}. */
@Command(
    name = "venue-risk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Scores how exposed a proposed event or venue is to the attack profile of IS-K",
      "(Islamic State Khorasan Province), with the reasons and the protective measures",
      "that bring the exposure down. A defensive planning tool.",
    },
    footer = {"%nSee README.md for examples; the input contract is docs/scenario-format.md."})
public final class VenueRisk {
  // the subcommands in the order --help lists them; added in run(), not by the annotation, so
  // that a command line naming one builds only that one (see addSubcommands)
  static final List<Class<?>> COMMANDS =
      List.of(
          AssessCommand.class,
          RulesCommand.class,
          DataCommand.class,
          ExplainCommand.class,
          TestCommand.class,
          DiffCommand.class,
          PlanCommand.class,
          ValidateCommand.class,
          BatchCommand.class,
          ConvertCommand.class,
          ServeCommand.class,
          CommandLine.HelpCommand.class);

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On errors, print the stack trace too.")
  boolean verbose;

  // the shipped rule base, started before picocli parses when the command will need it
  private CompletableFuture<RuleBase> earlyRules;

  /** The rule base started ahead of parsing, once; null if none was started. */
  CompletableFuture<RuleBase> takeEarlyRules() {
    CompletableFuture<RuleBase> f = earlyRules;
    earlyRules = null;
    return f;
  }

  public static void main(String[] args) {
    // a full heap is reported without heap: the line, the reserve and the exit are made ready now
    OutOfHeap.arm(ExitCodes.outOfMemory(), ExitCodes.MEMORY);
    Thread.setDefaultUncaughtExceptionHandler(UNCAUGHT);
    int code;
    try {
      code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    } catch (Throwable e) {
      // before or after picocli's part: building the command tree, or flushing the output
      OutOfHeap.exitIf(e);
      throw e;
    }
    System.exit(code);
  }

  /**
   * A thread that dies would print a stack trace; the user gets one line instead (the command's own
   * threads hand their failures to the main thread, which exits with its code). Built once at
   * start, so that a thread dying of a full heap needs nothing new to report it.
   */
  private static final Thread.UncaughtExceptionHandler UNCAUGHT =
      (t, e) -> {
        OutOfHeap.exitIf(e);
        System.err.println(
            "venue-risk: internal error in thread "
                + t.getName()
                + ": "
                + e
                + " (a bug: rerun with --verbose and report the trace)");
        System.err.flush();
      };

  /** Runs a command line with the given writers; returns the exit code (used by tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    VenueRisk root = new VenueRisk();
    if (EarlyStart.scoresWithShippedRules(args)) {
      // building the rules is the longest task of a cold `assess`: overlap it with picocli's
      // construction of the command tree, not just with reading the inputs
      root.earlyRules = EngineOptions.buildShipped();
    }
    CommandLine cl = new CommandLine(root);
    addSubcommands(cl, args);
    // the exit codes are declared once (ExitCodes) and every command's help lists them
    exitCodesInHelp(cl);
    // the descriptions are written as lines of up to ~95 characters
    cl.setUsageHelpWidth(100);
    cl.setOut(out);
    cl.setErr(err);
    // --format JSON, --target-tier moderate: the values are listed in capitals in some places and
    // in lower case in others, and a user should not have to remember which
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(VenueRisk::usageError);
    cl.setExecutionExceptionHandler(
        (ex, line, parse) -> {
          PrintWriter e = line.getErr();
          int code = ExitCodes.of(ex, e);
          if (root.verbose) {
            ex.printStackTrace(e);
          }
          e.flush();
          return code;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands only exceptions to the handler above; an Error comes through execute
      code = ExitCodes.of(e, err);
      if (root.verbose) {
        e.printStackTrace(err);
      }
    }
    out.flush();
    err.flush();
    return code;
  }

  private static void exitCodesInHelp(CommandLine cl) {
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.HELP);
    for (CommandLine sub : cl.getSubcommands().values()) {
      exitCodesInHelp(sub);
    }
  }

  /**
   * Adds the subcommand the arguments name, or all of them. picocli builds a command's model by
   * reflection when it is added (a noticeable share of a cold start, loading the classes its
   * options and methods mention); parsing {@code assess FILE} consults no sibling command, so
   * building them only costs time. Anything else (no command, {@code help}, a misspelt command,
   * options first) gets every command, so usage, help and suggestions are unchanged.
   */
  static void addSubcommands(CommandLine cl, String[] args) {
    int i = 0;
    while (i < args.length && args[i].equals("--verbose")) {
      i++;
    }
    String named = i < args.length ? args[i] : null;
    for (Class<?> c : COMMANDS) {
      Command a = c.getAnnotation(Command.class);
      if (a.name().equals(named) && a.aliases().length == 0 && !a.name().equals("help")) {
        cl.addSubcommand(c);
        return;
      }
    }
    for (Class<?> c : COMMANDS) {
      cl.addSubcommand(c);
    }
  }

  /**
   * A command line picocli cannot parse, or an option value a command refuses: one line naming the
   * command, what is wrong (with picocli's suggestion, or the nearest option name) and where the
   * help is. The usage screen would bury the one line that matters under forty that do not; only a
   * command line with no command at all gets it.
   */
  static int usageError(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    if (Arrays.stream(args).allMatch("--verbose"::equals)) {
      // no command at all: the list of commands is the answer, not an error to fix
      cmd.usage(cmd.getErr());
      return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
    String name = cmd.getCommandSpec().qualifiedName();
    PrintWriter err = cmd.getErr();
    String problem = usageProblem(ex);
    err.println(
        name + ": " + problem + (problem.endsWith("?") ? " " : "; ") + "see '" + name + " --help'");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  static String usageProblem(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      CommandSpec spec = u.getCommandLine().getCommandSpec();
      if (u.isUnknownOption()) {
        String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> suggestions = u.getSuggestions();
        if (suggestions.isEmpty()) {
          suggestions = nearestOption(option, spec).map(List::of).orElse(List.of());
        }
        return "unknown option '" + option + "'" + didYouMean(suggestions);
      }
      if (!spec.subcommands().isEmpty() && spec.parent() == null) {
        return "unknown command '" + arg + "'" + didYouMean(u.getSuggestions());
      }
      return "unexpected argument '" + arg + "'";
    }
    String msg = ex.getMessage() == null ? "invalid command line" : ex.getMessage().strip();
    msg = msg.lines().findFirst().orElse("").replaceAll("[.]$", "");
    if (msg.length() > 1
        && Character.isUpperCase(msg.charAt(0))
        && Character.isLowerCase(msg.charAt(1))) {
      msg = Character.toLowerCase(msg.charAt(0)) + msg.substring(1);
    }
    return msg;
  }

  /** picocli suggests by shared letter pairs, which misses a swap ("--fromat"): edit distance. */
  private static Optional<String> nearestOption(String option, CommandSpec spec) {
    Map<String, String> byWord = new LinkedHashMap<>();
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      for (String n : o.names()) {
        if (n.startsWith("--")) {
          byWord.put(n.substring(2).replace('-', '_'), n);
        }
      }
    }
    String word = option.replaceFirst("^-+", "");
    return Nearest.of(word, byWord.keySet()).map(byWord::get);
  }

  private static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    // picocli lists the closest first; the others are rarely what was meant
    return "; did you mean " + suggestions.get(0) + "?";
  }
}
