// asm.cpp: clove.asm (SPEC V7), bytecode as text from Clove: disasm lists a fn's
// bytecode in the format of `clove disasm` (compiler/disasm.h), asm builds a fn from
// such text (compiler/asm.h), verified before it can run.
#include "compiler/asm.h"

#include <fmt/format.h>

#include "compiler/disasm.h"
#include "natives/args.h"
#include "state/namespace.h"

namespace clove {

namespace {

Value f_asm(State& vm, Args a) {
  String* text = arg_string(a, 0, "clove.asm/asm");
  FnProto* fp = assemble(vm, text->view());
  return Value::object(make_closure(vm.heap, fp, static_cast<uint32_t>(fp->upvals.size())));
}

Value f_disasm(State& vm, Args a) {
  Closure* c = as<Closure>(a[0]);
  if (!c) {
    if (is<Native>(a[0]))
      throw_error(ErrorKind::IllegalArgumentException,
                  "clove.asm/disasm: a native function has no bytecode");
    throw_error(
        ErrorKind::ClassCastException,
        fmt::format("clove.asm/disasm: class {} is not a compiled fn", value_type_name(a[0])));
  }
  return string_value(vm.heap, disassemble(vm, c->fn));
}

}  // namespace

void install_asm_natives(State& vm) {
  const char* A = "clove.asm";
  vm.def_native(
      A, "asm", f_asm, 1, 1,
      "Builds a fn from the text of a bytecode listing, in the format clove.asm/disasm and `clove "
      "disasm` print: the first `fn` block, whose <fn NAME> constants are the blocks after it. "
      "Constants "
      "are read as data; #'ns/name is that var (interned if missing). The bytecode is verified "
      "before "
      "the fn is made; the fn's upvalues (if its listing has any) start nil. "
      "IllegalArgumentException "
      "\"asm: line N: ...\" for text that is not a listing or bytecode that fails verification.",
      "([text])");
  vm.def_native(
      A, "disasm", f_disasm, 1, 1,
      "The bytecode listing of fn f (a string): every arity with its instructions, constants and "
      "locals, "
      "then every fn it creates, in the format of `clove disasm`; clove.asm/asm reads it back. "
      "IllegalArgumentException for a native fn, ClassCastException for a value that is not a fn.",
      "([f])");
  vm.find_or_create_ns(vm.sym(A));
  vm.loaded_libs.insert(vm.sym(A));
}

}  // namespace clove
