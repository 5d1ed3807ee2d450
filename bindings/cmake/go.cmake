# Runs the Go toolchain on bindings/go with the environment the binding needs. Used by the CTest test "go" and the
# target commerce_go:
#   cmake -DGO=<go> -DSWIG=<swig> -DGO_DIR=<bindings/go> -DWORK_DIR=<build>/bindings -DLIB_DIR=<dir of libcommerce.so>
#         -DINCLUDE_DIRS="<a>|<b>" -DHASH_FILES="<commerce.i>|..." -DACTION=test|build -P go.cmake
# (lists are separated by "|")
#
# go build runs SWIG itself on internal/native/native.swigcxx, but its cache only hashes that file, not the
# commerce.i it includes; a hash of the interface and headers, computed here at every run, goes into CGO_CPPFLAGS
# so that any change to them rebuilds the package.
foreach(_v GO SWIG GO_DIR WORK_DIR LIB_DIR INCLUDE_DIRS HASH_FILES ACTION)
  if(NOT DEFINED ${_v})
    message(FATAL_ERROR "go.cmake: ${_v} is not set")
  endif()
endforeach()

string(REPLACE "|" ";" INCLUDE_DIRS "${INCLUDE_DIRS}")
string(REPLACE "|" ";" HASH_FILES "${HASH_FILES}")

set(_text "")
foreach(_f IN LISTS HASH_FILES)
  file(READ "${_f}" _t)
  string(APPEND _text "${_f}\n${_t}")
endforeach()
string(SHA256 _hash "${_text}")
string(SUBSTRING "${_hash}" 0 16 _hash)

set(_cppflags "")
foreach(_d IN LISTS INCLUDE_DIRS)
  string(APPEND _cppflags "-I${_d} ")
endforeach()
string(APPEND _cppflags "-DCOMMERCE_SWIG_INTERFACE_HASH=${_hash}")

get_filename_component(_swig_dir "${SWIG}" DIRECTORY)
get_filename_component(_go_dir "${GO}" DIRECTORY)
set(ENV{PATH} "${_swig_dir}:${_go_dir}:$ENV{PATH}")
set(ENV{GOPROXY} "off")
set(ENV{GOFLAGS} "-mod=mod")
set(ENV{GOTOOLCHAIN} "local")
set(ENV{GOTELEMETRY} "off")
set(ENV{GOCACHE} "${WORK_DIR}/go-cache")
set(ENV{GOPATH} "${WORK_DIR}/go-path")
set(ENV{CGO_ENABLED} "1")
set(ENV{CGO_CPPFLAGS} "${_cppflags}")
set(ENV{CGO_CFLAGS} "-O2 -g")
set(ENV{CGO_CXXFLAGS} "-O2 -g -std=c++20 -Wno-unused-parameter")
set(ENV{CGO_LDFLAGS} "-L${LIB_DIR} -Wl,-rpath,${LIB_DIR}")

if(ACTION STREQUAL "test")
  set(_args test -count=1 ./...)
elseif(ACTION STREQUAL "build")
  set(_args build ./...)
else()
  message(FATAL_ERROR "go.cmake: ACTION must be test or build")
endif()
message(STATUS "CGO_CPPFLAGS=$ENV{CGO_CPPFLAGS}")
message(STATUS "CGO_LDFLAGS=$ENV{CGO_LDFLAGS}")
execute_process(COMMAND "${GO}" ${_args} WORKING_DIRECTORY "${GO_DIR}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "go ${ACTION} failed (${_rc})")
endif()
