# Converts each Markdown text of a JSON array with Jekyll's own kramdown converter (GFM input, the
# options Jekyll passes), as tools/markdown-goldens.rb does: the oracle for `npm run kramdown-diff`.
# Run: ruby tools/kramdown-diff/convert.rb IN.json OUT.json
require "jekyll"
require "json"
require "tmpdir"

empty = Dir.mktmpdir
site = Jekyll::Site.new(Jekyll.configuration("source" => empty, "destination" => File.join(empty, "_site"), "quiet" => true,
                                          "kramdown" => JSON.parse(ENV.fetch("KRAMDOWN_CONFIG", "{}"))))
converter = site.find_converter_instance(Jekyll::Converters::Markdown)
texts = JSON.parse(File.read(ARGV[0]))
File.write(ARGV[1], JSON.generate(texts.map { |text| converter.convert(text) }))
