// tagged.cpp: UUIDs, instants, tagged literals and reader conditionals (random-uuid
// parse-uuid uuid? inst? inst-ms tagged-literal tagged-literal? reader-conditional
// reader-conditional?) and how they print.
#include <random>

#include "core/print_context.h"
#include "eval/data_readers.h"
#include "natives/args.h"
#include "runtime/host/tagged.h"

namespace clove {

namespace {

// print-method for UUID and Date: the tagged literal that reads back as the value.
void print_uuid(PrintContext& p, Value v) {
  auto* u = static_cast<Uuid*>(v.as_obj());
  p.out += "#uuid \"" + format_uuid(u->msb, u->lsb) + "\"";
}
void str_uuid(PrintContext& p, Value v) {
  auto* u = static_cast<Uuid*>(v.as_obj());
  p.out += format_uuid(u->msb, u->lsb);
}
void print_inst(PrintContext& p, Value v) {
  p.out += "#inst \"" + format_inst(static_cast<Inst*>(v.as_obj())->ms) + "\"";
}
void str_inst(PrintContext& p, Value v) { p.out += inst_to_string(static_cast<Inst*>(v.as_obj())->ms); }
// print-method for TaggedLiteral: "#" tag, a space, then the form.
void print_tagged_literal(PrintContext& p, Value v) {
  auto* t = static_cast<TaggedLiteral*>(v.as_obj());
  p.out += '#';
  p.value(t->tag);
  p.out += ' ';
  p.value(t->form);
}

// print-method for ReaderConditional: "#?" or "#?@", then the form.
void print_reader_conditional(PrintContext& p, Value v) {
  auto* r = static_cast<ReaderConditional*>(v.as_obj());
  p.out += r->splicing ? "#?@" : "#?";
  p.value(r->form);
}

// A version 4 (random) UUID, RFC 4122 section 4.4, from a per-thread generator seeded
// by the system's random device.
Value t_random_uuid(State& vm, Args) {
  thread_local std::mt19937_64 gen([] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }());
  uint64_t msb = gen(), lsb = gen();
  msb = (msb & ~0xf000ULL) | 0x4000ULL;                     // version 4
  lsb = (lsb & ~(0xc0ULL << 56)) | (0x80ULL << 56);         // IETF variant (10xx)
  return Value::object(vm.heap.make<Uuid>(msb, lsb));
}

Value t_parse_uuid(State& vm, Args a) {
  if (a[0].is_nil())  // UUID.fromString(null)
    throw_error(ErrorKind::NullPointerException, "Cannot invoke \"String.length()\" because \"name\" is null");
  String* s = arg_string(a, 0, "parse-uuid");
  uint64_t msb = 0, lsb = 0;
  if (!parse_uuid_text(s->view(), &msb, &lsb)) return Value::nil();
  return Value::object(vm.heap.make<Uuid>(msb, lsb));
}

Value t_uuid_p(State&, Args a) { return Value::boolean(is<Uuid>(a[0])); }
Value t_inst_p(State&, Args a) { return Value::boolean(is<Inst>(a[0])); }

Value t_inst_ms(State& vm, Args a) {
  Inst* i = as<Inst>(a[0]);
  if (!i)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No implementation of method: :inst-ms* of protocol: #'clojure.core/Inst found for class: {}",
                            value_type_name(a[0])));
  return make_long(vm.heap, i->ms);
}

Value t_tagged_literal(State& vm, Args a) { return Value::object(vm.heap.make<TaggedLiteral>(a[0], a[1])); }
Value t_tagged_literal_p(State&, Args a) { return Value::boolean(is<TaggedLiteral>(a[0])); }
// (reader-conditional form splicing?): splicing? must be a boolean, as
// ReaderConditional.create's boolean parameter (nil: NullPointerException).
Value t_reader_conditional(State& vm, Args a) {
  if (a[1].is_nil())
    throw_error(ErrorKind::NullPointerException,
                "Cannot invoke \"java.lang.Boolean.booleanValue()\" because \"splicing_QMARK_\" is null");
  if (!a[1].is_bool())
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Boolean", value_type_name(a[1])));
  return Value::object(vm.heap.make<ReaderConditional>(a[0], a[1].is_true()));
}
Value t_reader_conditional_p(State&, Args a) { return Value::boolean(is<ReaderConditional>(a[0])); }

}  // namespace

void register_tagged_printers(TypeInfo* table) {
  set_print_hooks(table, ObjType::Uuid, print_uuid, str_uuid);
  set_print_hooks(table, ObjType::Inst, print_inst, str_inst);
  set_print_hooks(table, ObjType::TaggedLiteral, print_tagged_literal);
  set_print_hooks(table, ObjType::ReaderConditional, print_reader_conditional);
}

void install_tagged_natives(State& vm) {
  install_data_reader_vars(vm);
  const char* C = "clojure.core";
  vm.def_native(C, "random-uuid", t_random_uuid, 0, 0,
                "Makes a new random (version 4) java.util.UUID.", "([])");
  vm.def_native(C, "parse-uuid", t_parse_uuid, 1, 1,
                "Reads a UUID from its canonical string form (8-4-4-4-12 hex digits), giving a "
                "java.util.UUID, or nil when s is not a valid UUID.", "([s])");
  vm.def_native(C, "uuid?", t_uuid_p, 1, 1, "True when x is a java.util.UUID.", "([x])");
  vm.def_native(C, "inst?", t_inst_p, 1, 1,
                "True when x is an instant (a value satisfying the Inst protocol, such as a #inst "
                "date).", "([x])");
  vm.def_native(C, "inst-ms", t_inst_ms, 1, 1,
                "Gives the instant inst as a count of milliseconds since the Unix epoch "
                "(1970-01-01T00:00:00Z).", "([inst])");
  vm.def_native(C, "tagged-literal", t_tagged_literal, 2, 2,
                "Makes the data form of a tagged literal #tag form, for a tag symbol and any "
                "form; :tag and :form read the parts back.", "([tag form])");
  vm.def_native(C, "tagged-literal?", t_tagged_literal_p, 1, 1,
                "True when value is the data form of a tagged literal (see tagged-literal).",
                "([value])");
  vm.def_native(C, "reader-conditional", t_reader_conditional, 2, 2,
                "Makes the data form of a reader conditional from its list of feature/form pairs; "
                "splicing? true stands for the #?@ splicing variant.", "([form splicing?])");
  vm.def_native(C, "reader-conditional?", t_reader_conditional_p, 1, 1,
                "True when value is the data form of a reader conditional (see "
                "reader-conditional).", "([value])");
}

}  // namespace clove
