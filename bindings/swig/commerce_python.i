/* commerce — Python-only extras of the SWIG interface, included by commerce.i under SWIGPYTHON.
 *
 * String arguments accept str (encoded as strict UTF-8) or bytes (passed through unchanged). The idiomatic
 * layer (bindings/python/commerce/__init__.py) always passes bytes it encoded itself, so that text which is
 * not valid UTF-8 (a str holding lone surrogates, or bytes from elsewhere) reaches the engine, which is the one
 * place that validates input and answers COMMERCE_ERR_INVALID_ARGUMENT. SWIG's stock std::string typemap
 * accepts either str or bytes (SWIG_PYTHON_STRICT_BYTE_CHAR), never both. Outputs stay str. */

%typemap(in) const std::string & (std::string temp) {
  if (PyBytes_Check($input)) {
    char *buf = 0;
    Py_ssize_t len = 0;
    if (PyBytes_AsStringAndSize($input, &buf, &len) < 0) SWIG_fail;
    temp.assign(buf, (size_t)len);
  } else if (PyUnicode_Check($input)) {
    Py_ssize_t len = 0;
    const char *buf = PyUnicode_AsUTF8AndSize($input, &len);
    if (!buf) SWIG_fail;
    temp.assign(buf, (size_t)len);
  } else {
    SWIG_exception_fail(SWIG_TypeError, "in method '$symname', argument $argnum must be str or bytes");
  }
  $1 = &temp;
}
%typemap(freearg) const std::string & ""
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const std::string & {
  $1 = (PyBytes_Check($input) || PyUnicode_Check($input)) ? 1 : 0;
}

%pythoncode %{
# The raw layer of the commerce bindings. Use the idiomatic package `commerce` instead.
%}
