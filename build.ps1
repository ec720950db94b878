# One entry point on Windows (PowerShell 7): build, tests, samples. The same actions as build.sh.
#   ./build.ps1 build    restore and build everything (Release)
#   ./build.ps1 test     build and run the MSTest suite; last line: "N passed, N failed"
#   ./build.ps1 run      train the DCGAN on the bundled MNIST (the main job), output in out/dcgan
#   ./build.ps1 samples ARGS...   run the Samples program with ARGS
# (Windows needs no libstdc++ step; `prereq` only checks for dotnet.)
param([string]$Action = 'build', [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest = @())
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Assert-Prerequisites {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { throw 'build.ps1: the .NET 10 SDK (dotnet) is required' }
}

function Invoke-Build {
    dotnet build MlNetGan.sln -c Release -nologo -v quiet
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Tests {
    $results = 'out/test-results'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    dotnet test test/Microsoft.ML.Gan.Tests/Microsoft.ML.Gan.Tests.csproj -c Release -nologo `
        --logger 'trx;LogFileName=results.trx' --results-directory $results
    $rc = $LASTEXITCODE
    $trx = Join-Path $results 'results.trx'
    if (Test-Path $trx) {
        $counters = ([xml](Get-Content $trx)).TestRun.ResultSummary.Counters
        $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Write-Output "$($counters.passed) passed, $failed failed"
    } else {
        Write-Output '0 passed, 1 failed'
    }
    exit $rc
}

function Invoke-Samples([string[]]$SampleArgs) {
    dotnet run --project src/Samples -c Release -- @SampleArgs
    exit $LASTEXITCODE
}

switch ($Action) {
    'prereq' { Assert-Prerequisites }
    'build' { Assert-Prerequisites; Invoke-Build }
    'test' { Assert-Prerequisites; Invoke-Build; Invoke-Tests }
    'run' { Assert-Prerequisites; Invoke-Build; Invoke-Samples (@('dcgan', '--output', 'out/dcgan') + $Rest) }
    'samples' { Assert-Prerequisites; Invoke-Build; Invoke-Samples $Rest }
    default { Write-Error 'usage: ./build.ps1 [prereq|build|test|run|samples ARGS...]'; exit 2 }
}
