// Golden bytecode tests: every tests/bytecode/NAME.clj is compiled form by form (each
// form is also run, so later forms see its definitions) and the disassembly is
// compared with tests/bytecode/NAME.out. UPDATE_GOLDEN=1 rewrites the .out files.
// Only special forms and natives are loaded, so listings do not change when the core
// library does.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/disasm.h"
#include "compiler/compiler.h"
#include "reader/reader.h"
#include "api/runtime.h"

namespace clove {
namespace {

namespace fs = std::filesystem;

fs::path golden_dir() { return fs::path(__FILE__).parent_path().parent_path() / "bytecode"; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string listing_of(const fs::path& clj) {
  Runtime vm{RuntimeOptions{false}};
  std::string text = slurp(clj);
  uint32_t id = vm.sources.add(clj.filename().string(), text);
  StateReaderEnv env(vm);
  Reader reader(vm, env, vm.sources.text(id), id);
  RootScope roots(vm.heap);
  size_t slot = roots.push(Value::nil());
  std::string out;
  Value form;
  while (reader.next(&form)) {
    roots[slot] = form;
    FnProto* fp = compile_toplevel(vm, form);
    roots.push(Value::object(fp));
    out += disassemble(vm, fp) + "\n";
    vm.call(Value::object(make_closure(vm.heap, fp, 0)), nullptr, 0);
  }
  return out;
}

TEST(CompilerGolden, ListingsMatch) {
  bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  int n = 0;
  for (const auto& e : fs::directory_iterator(golden_dir())) {
    if (e.path().extension() != ".clj") continue;
    ++n;
    fs::path out = e.path();
    out.replace_extension(".out");
    std::string got = listing_of(e.path());
    if (update) {
      std::ofstream(out, std::ios::binary) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(out)) << out << " missing; run with UPDATE_GOLDEN=1";
    EXPECT_EQ(got, slurp(out)) << "listing of " << e.path().filename() << " changed";
  }
  EXPECT_GT(n, 0);
}

}  // namespace
}  // namespace clove
