# Reads a list of template files (one path a line, on stdin) as Jekyll reads them with GitHub
# Pages' Liquid 4.0.4 (error_mode: warn, Jekyll's and the Pages plugins' tags registered), front
# matter left out; prints one JSON object: per file, the parse error, or the warnings with lines.
#   LIQUID=system for Debian's Liquid 5.4 instead.
require 'json'
$LOAD_PATH.unshift(ENV.fetch('LIQUID4_LIB', '/work/ref/liquid-4.0.4/lib')) unless ENV['LIQUID'] == 'system'
require 'jekyll'
%w[jekyll-seo-tag jekyll-feed jekyll-gist jekyll-avatar jekyll-github-metadata].each do |gem|
  require gem
rescue LoadError
  nil
end
Liquid::Template.error_mode = :warn

result = {}
$stdin.each_line(chomp: true) do |file|
  text = File.read(file, encoding: 'UTF-8').scrub
  text = Regexp.last_match.post_match if text =~ Jekyll::Document::YAML_FRONT_MATTER_REGEXP
  begin
    template = Liquid::Template.parse(text, line_numbers: true)
    result[file] = { 'warnings' => template.warnings.map { |w| { 'line' => w.line_number, 'message' => w.message.sub(/\ALiquid syntax error \(line \d+\): /, '') } } }
  rescue StandardError => e
    result[file] = { 'error' => e.message }
  end
end
puts JSON.generate(result)
