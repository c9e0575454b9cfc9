// fmt_impl.cpp: fmt's out-of-line implementation, compiled once into Clove's library
// when CLOVE_STATIC_DEPS is ON (CMakeLists.txt), because Debian's libfmt-dev ships only
// a shared library and linking it would bring libstdc++.so back into the clove command.
// The rest of Clove includes fmt's headers as usual; the explicit instantiations below
// are the ones those headers declare `extern` (fmt/format.h) or leave to the library.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;
template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view,
                                 basic_format_args<FMT_BUFFER_CONTEXT(char)>, locale_ref);
}  // namespace detail
FMT_END_NAMESPACE
