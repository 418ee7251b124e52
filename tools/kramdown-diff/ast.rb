# Prints the element tree kramdown's parser (GFM's, as Jekyll uses it, or the site's input) makes of each Markdown text of a JSON array, with
# the options Jekyll passes (as tools/kramdown-diff/convert.rb converts them): the oracle for the
# parser alone. Values that are Ruby objects come out as text: symbols as their name, entities as
# "&name;" / "&#NNN;", elements (a footnote's definition) as their tree.
# Run: ruby tools/kramdown-diff/ast.rb IN.json OUT.json   (or: echo '["*x*"]' | ruby ... - -)
require "jekyll"
require "json"
require "tmpdir"

empty = Dir.mktmpdir
site = Jekyll::Site.new(Jekyll.configuration("source" => empty, "destination" => File.join(empty, "_site"), "quiet" => true,
                                          "kramdown" => JSON.parse(ENV.fetch("KRAMDOWN_CONFIG", "{}"))))
converter = site.find_converter_instance(Jekyll::Converters::Markdown)
converter.setup
config = converter.instance_variable_get(:@parser).instance_variable_get(:@config)

def plain(value)
  case value
  when Kramdown::Element then tree(value)
  when Kramdown::Utils::Entities::Entity then value.name ? "&#{value.name};" : "&##{value.code_point};"
  when Symbol then value.to_s
  when Hash then value.to_h { |k, v| [k.to_s, plain(v)] }
  when Array then value.map { |v| plain(v) }
  when String, Integer, Float, true, false, nil then value
  else value.to_s
  end
end

# Options that say where an element came from, not what it is, are left out.
SKIPPED = %i[location].freeze

def tree(el)
  node = { "type" => el.type.to_s }
  node["value"] = plain(el.value) unless el.value.nil?
  node["attr"] = el.attr unless el.attr.empty?
  options = el.options.reject { |k, _| SKIPPED.include?(k) }
  node["options"] = plain(options) unless options.empty?
  node["children"] = el.children.map { |c| tree(c) } unless el.children.empty?
  node
end

# The parser Jekyll picks from the input setting (KramdownParser#get_parser): GFM's, or kramdown's.
input_name = (config["input"] || "kramdown").to_s
parser = Kramdown::Parser.const_get(input_name[0].upcase + input_name[1..])

input = ARGV[0] == "-" ? $stdin.read : File.read(ARGV[0])
out = JSON.parse(input).map do |text|
  root, warnings = parser.parse(text, Kramdown::Options.merge(config.transform_keys(&:to_sym)))
  { "tree" => tree(root), "warnings" => warnings }
end
json = JSON.pretty_generate(out, max_nesting: false) # trees of deeply nested pages too
ARGV[1] == "-" || ARGV[1].nil? ? puts(json) : File.write(ARGV[1], json)
