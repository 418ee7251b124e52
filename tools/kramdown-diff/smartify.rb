# Converts each text of a JSON array with Jekyll's own SmartyPants converter (the `smartify`
# filter), with the site's kramdown: settings from KRAMDOWN_CONFIG, and prints [text, html] pairs.
# Run: ruby tools/kramdown-diff/smartify.rb IN.json OUT.json   (or: echo '["\"a\""]' | ruby ... - -)
require "jekyll"
require "json"
require "tmpdir"

empty = Dir.mktmpdir
site = Jekyll::Site.new(Jekyll.configuration("source" => empty, "destination" => File.join(empty, "_site"), "quiet" => true,
                                             "kramdown" => JSON.parse(ENV.fetch("KRAMDOWN_CONFIG", "{}"))))
converter = site.find_converter_instance(Jekyll::Converters::SmartyPants)
input = ARGV[0] == "-" ? $stdin.read : File.read(ARGV[0])
json = JSON.pretty_generate(JSON.parse(input).map { |text| [text, converter.convert(text)] })
ARGV[1] == "-" || ARGV[1].nil? ? puts(json) : File.write(ARGV[1], "#{json}\n")
