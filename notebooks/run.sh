#!/usr/bin/env bash
# Executes every notebooks/*.ipynb headless with the GoNB kernel and fails when
# a cell ends in an error or a chart cell shows no image. Run it from anywhere:
# notebooks/run.sh [NOTEBOOK.ipynb ...]   (default: all of them)
#
# From a clean clone it needs only Go: it installs Debian's Jupyter pieces when
# missing, GoNB and goimports (pinned in tools/nb/go.mod) into .nbwork/bin, and
# registers the kernel in a private Jupyter directory under .nbwork/jupyter.
# Executed copies land in .nbwork/executed/; the notebooks themselves stay
# without outputs. Repeated runs only re-execute the notebooks.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
work=$root/.nbwork

# Jupyter from Debian: nbconvert drives the execution through nbclient and
# jupyter-client. Installed only when missing, so repeated runs do nothing here.
apt_pkgs=(jupyter-nbconvert jupyter-client python3-nbclient)
missing=()
for p in "${apt_pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
if [ "${#missing[@]}" -gt 0 ]; then
	sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		sudo=(sudo)
	fi
	echo "+ installing ${missing[*]}" >&2
	"${sudo[@]}" apt-get update
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y --no-install-recommends "${missing[@]}"
fi
# Debian's jupyter runs on Debian's python3, whatever python3 comes first on PATH.
jupyter=/usr/bin/jupyter

# GoNB and goimports at the versions of tools/nb/go.mod (go install skips
# binaries that are up to date). The kernel needs goimports on its PATH.
mkdir -p "$work/bin" "$work/logs" "$work/executed"
(cd tools/nb && GOBIN=$work/bin go install github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports)
export PATH=$work/bin:$PATH

# The kernel, registered in a private Jupyter directory (the user's own
# Jupyter set-up is neither read nor touched).
export JUPYTER_DATA_DIR=$work/jupyter/data
export JUPYTER_CONFIG_DIR=$work/jupyter/config
export JUPYTER_RUNTIME_DIR=$work/jupyter/runtime
kernel=$JUPYTER_DATA_DIR/kernels/gonb/kernel.json
if [ ! -f "$kernel" ] || ! grep -qF "\"$work/bin/gonb\"" "$kernel"; then
	echo "+ gonb --install" >&2
	gonb --install --force_deps --raw_error --logtostderr=false --stderrthreshold=FATAL --log_dir="$work/logs"
fi

if [ "$#" -gt 0 ]; then
	notebooks=("$@")
else
	notebooks=(notebooks/*.ipynb)
fi
abs=()
for nb in "${notebooks[@]}"; do
	abs+=("$(cd "$(dirname "$nb")" && pwd)/$(basename "$nb")")
done

executed=()
for nb in "${abs[@]}"; do
	echo "+ jupyter nbconvert --execute $(basename "$nb")" >&2
	start=$(date +%s)
	"$jupyter" nbconvert --to notebook --execute --allow-errors \
		--ExecutePreprocessor.kernel_name=gonb --ExecutePreprocessor.timeout=600 \
		--output-dir "$work/executed" "$nb"
	echo "  $(basename "$nb"): $(($(date +%s) - start)) s" >&2
	executed+=("$work/executed/$(basename "$nb")")
done

# Fails on any error output and on a cell tagged "chart" without an image;
# then on a notebook committed with outputs (checked last, so that a
# researcher who saved outputs still gets the executed copies).
status=0
(cd tools/nb && go run ./nbcheck "${executed[@]}") || status=1
(cd tools/nb && go run ./nbcheck -clean "${abs[@]}") || status=1
exit "$status"
