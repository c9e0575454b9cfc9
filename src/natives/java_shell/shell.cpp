// shell.cpp: clojure.java.shell/sh (SPEC L17): runs a program found on PATH
// (posix_spawnp) with this process's environment, feeding :in to its stdin and
// collecting stdout and stderr as UTF-8 strings.
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/print/print.h"
#include "natives/args.h"

extern char** environ;

namespace clove {

namespace {

// ---- clojure.java.shell/sh ----

struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) close(f);
  }
  void close_end(int i) {
    if (fd[i] >= 0) close(fd[i]);
    fd[i] = -1;
  }
};

/// Runs argv with `input` on its stdin in directory `dir` (empty: the current one);
/// collects stdout and stderr, polling both so that neither pipe can fill and block.
int run_process(const std::vector<std::string>& argv, const std::string& input, const std::string& dir,
                std::string* out, std::string* err) {
  Pipe in, po, pe;
  if (pipe(in.fd) || pipe(po.fd) || pipe(pe.fd)) throw_error(ErrorKind::IOException, "sh: cannot create pipes");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&fa, po.fd[1], 1);
  posix_spawn_file_actions_adddup2(&fa, pe.fd[1], 2);
  for (int f : {in.fd[0], in.fd[1], po.fd[0], po.fd[1], pe.fd[0], pe.fd[1]}) posix_spawn_file_actions_addclose(&fa, f);
  // The working directory: run through `cd DIR && exec "$@"` with /bin/sh (posix_spawn
  // has no portable chdir action before glibc 2.29's _np variant).
  std::vector<std::string> full = argv;
  if (!dir.empty()) {
    full = {"/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", dir};
    full.insert(full.end(), argv.begin(), argv.end());
  }
  std::vector<char*> cargv;
  for (std::string& s : full) cargv.push_back(s.data());
  cargv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, cargv[0], &fa, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw_error(ErrorKind::IOException, fmt::format("Cannot run program \"{}\": {}", argv[0], std::strerror(rc)));
  in.close_end(0);
  po.close_end(1);
  pe.close_end(1);
  size_t written = 0;
  if (input.empty()) in.close_end(1);
  else fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  char buf[65536];
  while (po.fd[0] >= 0 || pe.fd[0] >= 0) {
    pollfd fds[3];
    int n = 0;
    int which[3];
    if (po.fd[0] >= 0) { fds[n] = {po.fd[0], POLLIN, 0}; which[n++] = 1; }
    if (pe.fd[0] >= 0) { fds[n] = {pe.fd[0], POLLIN, 0}; which[n++] = 2; }
    if (in.fd[1] >= 0) { fds[n] = {in.fd[1], POLLOUT, 0}; which[n++] = 0; }
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (which[i] == 0) {
        ssize_t w = write(in.fd[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN) written = input.size();
        if (written >= input.size()) in.close_end(1);
        continue;
      }
      Pipe& p = which[i] == 1 ? po : pe;
      ssize_t r = read(p.fd[0], buf, sizeof buf);
      if (r > 0) (which[i] == 1 ? out : err)->append(buf, static_cast<size_t>(r));
      else if (r == 0 || errno != EINTR) p.close_end(0);
    }
  }
  in.close_end(1);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

Value sh_sh(State& vm, Args a) {
  vm.require_capability(Capability::Process, "clojure.java.shell/sh");
  std::vector<std::string> argv;
  std::string input, dir;
  int i = 0;
  for (; i < a.size() && is<String>(a[i]); ++i) argv.emplace_back(as<String>(a[i])->view());
  for (; i < a.size(); i += 2) {
    Keyword* k = as<Keyword>(a[i]);
    if (!k || i + 1 >= a.size())
      throw_error(ErrorKind::IllegalArgumentException, "sh: expected command strings followed by :in, :dir or :env options");
    std::string opt = k->str();
    if (opt == ":in") input = str_of(vm, a[i + 1]);
    else if (opt == ":dir") dir = str_of(vm, a[i + 1]);
    else if (opt != ":out-enc" && opt != ":in-enc")
      throw_error(ErrorKind::IllegalArgumentException, fmt::format("sh: unsupported option {}", opt));
  }
  if (argv.empty()) throw_error(ErrorKind::IllegalArgumentException, "sh: no command given");
  std::string out, err;
  int code = run_process(argv, input, dir, &out, &err);
  Value kvs[6] = {Value::object(vm.kw("exit")), make_long(vm.heap, code),
                  Value::object(vm.kw("out")), string_value(vm.heap, out),
                  Value::object(vm.kw("err")), string_value(vm.heap, err)};
  return map_from(vm, kvs, 3);
}

}  // namespace

void install_shell_natives(State& vm) {
  vm.def_native("clojure.java.shell", "sh", sh_sh, 1, -1,
                "Runs a program: (sh \"cmd\" \"arg\" ... :in input :dir dir). Returns {:exit code :out stdout :err stderr}, the streams decoded as UTF-8. The program is looked up on PATH (posix_spawnp), with this process's environment; :env is not supported.",
                "([& args])");
}

}  // namespace clove
