// marshal.h: values to bytes and back (SPEC E7; clove.marshal, images).
//
// Every value Clove code can hold is written: immediates, numbers of every kind,
// text, keywords and symbols, collections with their metadata, records and types,
// regexes, UUIDs, instants, vars and namespaces (by name), closures with their
// prototypes and upvalues, atoms, volatiles, delays and lazy seqs with their thunks.
// Identity is kept: an object reached twice is written once and referred to by number
// afterwards, so shared structure stays shared and cycles through mutable objects
// (an atom holding itself, letfn's mutually recursive closures) come back as cycles.
// Natives are written by name and found again in the reading VM's registry of natives
// (State::natives, Janet's reverse lookup); what cannot be written (a native with no
// registered name, a host object, a transient, a running fiber) is an error naming it.
//
// Reading trusts nothing: every length, index and tag is checked, every string must be
// UTF-8, every function prototype passes the bytecode verifier (runtime/lang/verifier.h)
// before a closure is made of it, and nesting is bounded by the C++ stack guard. A
// corrupt or truncated input is an IllegalArgumentException, never a crash.
//
// The byte format is docs/design/marshal.md; kMarshalVersion is its version.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/value.h"

namespace clove {

class State;
struct DeferredSource;
struct Obj;

/// The version of the byte format marshal writes (docs/design/marshal.md keeps the
/// history), and the oldest one unmarshal still reads.
inline constexpr uint32_t kMarshalVersion = 3;
inline constexpr uint32_t kOldestMarshalVersion = 1;

struct UnmarshalOptions {
  /// The text of a source file named in the data (for error snippets), which must
  /// outlive the VM (it is not copied); null or "" when the text is not at hand. The
  /// core library's image passes its sources embedded in the binary.
  std::function<std::string_view(const std::string& name)> static_source_text;
  /// The data was written by this build and linked into the binary (the core library's
  /// image): it is not bytecode from outside, so the reader skips the bytecode verifier
  /// and the UTF-8 check of strings. Every other input is read with both.
  bool trusted = false;
  /// With trusted: the bytes outlive the VM (linked into the binary), so deferred
  /// bodies (MarshalOptions::defer_bodies) stay in them until their arity first runs
  /// (Proto::body_source). Otherwise unmarshal reads every body before it returns.
  bool lazy_bodies = false;
  /// With lazy_bodies: set to what holds the deferred parts (null when none), for the
  /// deferred values the result holds (Value::internal(section), MarshalOptions::
  /// defer_values), which only the caller knows where to put (image.cpp: var metadata).
  DeferredSource** deferred_source = nullptr;
};

struct MarshalOptions {
  /// Writes the bodies of the arities the value reaches outside any other arity's
  /// constants after the value, each readable alone (docs/design/marshal.md, "Deferred
  /// bodies"), so that a reader with lazy_bodies reads only those that run. When bodies
  /// would share an object with identity that the value does not hold, or when reading
  /// the value runs code (a sorted collection's comparator; map keys that may be user
  /// types, whose equals and hash are Clove code), writes them in place after all.
  bool defer_bodies = false;
  /// When not null, set to the number of bodies deferred (0 when none could be).
  size_t* deferred_bodies = nullptr;
  /// With defer_bodies: objects written as deferred values (tag kDeferred) and put in
  /// the body table, to be read with UnmarshalOptions::lazy_bodies only, when the
  /// reader asks DeferredSource::load_value for them (the core image's var metadata).
  const std::unordered_set<const Obj*>* defer_values = nullptr;
};

/// The bytes of `v`: a header (magic "CLVM", format version, value and instruction
/// sizes, bytecode version) and the value. Throws IllegalArgumentException "cannot
/// marshal <what>: <why>" for a value that cannot be written, StackOverflowError for
/// data nested deeper than the C++ stack allows.
std::string marshal(State& vm, Value v, const MarshalOptions& opts = {});

/// The value `bytes` holds (made in vm's heap). Throws IllegalArgumentException
/// "unmarshal: <why> at byte N" for any input that is not the output of marshal of this
/// format version, including bytecode that fails verification.
Value unmarshal(State& vm, std::string_view bytes, const UnmarshalOptions& opts = {});

}  // namespace clove
